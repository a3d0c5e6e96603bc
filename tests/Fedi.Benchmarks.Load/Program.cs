using Fedi.Benchmarks.Load;
using Fedi.Testing;

var options = LoadOptions.Parse(args);
Console.WriteLine($"Machine: nproc {Environment.ProcessorCount}, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}, .NET {Environment.Version}");
Console.WriteLine($"Rate {options.Rate}/s for {options.WarmupSeconds} s warm-up + {options.DurationSeconds} s measured; {options.Users} users, {options.Streams} user streams");

await using var postgres = await TestPostgres.StartOwnAsync();
await using var redis = await TestRedis.StartOwnAsync();
await using var cluster = await FediCluster.StartAsync(postgres, redis);
Console.WriteLine("Seeding users and follows…");
await using var scene = await LoadScene.CreateAsync(cluster, options.Users);
using var stop = new CancellationTokenSource();
await scene.OpenStreamsAsync(options.Streams, stop.Token);
var favourites = await scene.HasFavouritesAsync();
Console.WriteLine(favourites ? "Favourites: in the mix" : "Favourites: this build has no favourite route; left out of the mix");

var memory = new MemorySampler(new Dictionary<string, int>
{
    ["web"] = cluster.Web!.Id,
    ["streaming"] = cluster.Streaming!.Id,
    ["worker"] = cluster.Worker!.Id,
});
var sampling = memory.RunAsync(TimeSpan.FromSeconds(5), stop.Token);
var traffic = new MixedTraffic(scene, RequestKind.Mix(favourites), options.Rate);
Console.WriteLine("Running…");
await traffic.RunAsync(TimeSpan.FromSeconds(options.WarmupSeconds), TimeSpan.FromSeconds(options.DurationSeconds));
await stop.CancelAsync();
await sampling;
LoadReport.Print(traffic.Samples, memory, options.WarmupSeconds, scene, TimeSpan.FromSeconds(options.DurationSeconds));
