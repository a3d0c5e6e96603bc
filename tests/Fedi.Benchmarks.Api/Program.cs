using System.Globalization;
using Fedi.Benchmarks.Api;
using Fedi.Testing;

// Search latency over HTTP against one Fedi.Web process, next to a baseline route, in one run. See README.md.
var options = BenchOptions.Parse(args);
Console.WriteLine($"Statuses {options.Statuses:N0}, {options.Requests} requests x {options.Repeats} runs per measure, concurrency {options.Concurrency}");
await using var postgres = await TestPostgres.StartAsync();
await using var redis = await TestRedis.StartOwnAsync();
await using var cluster = await FediCluster.StartAsync(postgres, redis, new FediClusterOptions
{
    Tiers = FediTiers.Web,
    DatabasePrefix = "fedi_bench_api",
    ExtraEnvironment = new Dictionary<string, string> { ["LOG_LEVEL"] = "Warning" },
});
var seeding = System.Diagnostics.Stopwatch.StartNew();
await Seeder.SeedAsync(cluster.DatabaseConnectionString, options.Statuses);
Console.WriteLine($"Seeded in {seeding.Elapsed.TotalSeconds:0.0} s");
var viewer = await cluster.Users.SignUpAsync();
using var http = new HttpClient { BaseAddress = new Uri(cluster.WebUrl) };

// Each request asks for another word / prefix, so no answer is the previous one's.
var measures = new (string Name, Func<int, string> Path)[]
{
    // Not /api/v1/instance: it counts every status on each request, ~1 s at a million (see README.md).
    ("baseline GET /api/v1/instance/rules", _ => "/api/v1/instance/rules"),
    ("v2/search statuses (full text)", i => $"/api/v2/search?type=statuses&q=word{i * 37 % 5000}"),
    ("v2/search accounts (prefix)", i => $"/api/v2/search?type=accounts&q=bench{i % 200}"),
    ("v2/search hashtags (prefix)", i => $"/api/v2/search?type=hashtags&q=benchtag{i % 50}"),
};
foreach (var (_, path) in measures) await LatencyRun.RunAsync(http, viewer.Token, path, Math.Min(50, options.Requests), options.Concurrency); // warm-up

var rows = new List<(string Name, double P50, double P99)>();
foreach (var (name, path) in measures)
{
    var p50s = new List<double>();
    var p99s = new List<double>();
    for (var run = 0; run < options.Repeats; run++)
    {
        var latencies = await LatencyRun.RunAsync(http, viewer.Token, path, options.Requests, options.Concurrency);
        p50s.Add(LatencyRun.Percentile(latencies, 0.50));
        p99s.Add(LatencyRun.Percentile(latencies, 0.99));
    }
    rows.Add((name, Median(p50s), Median(p99s)));
    Console.WriteLine($"  {name}: p50 {string.Join(" ", p50s.Select(F))} ms, p99 {string.Join(" ", p99s.Select(F))} ms");
}

var baseline = rows[0];
var width = rows.Max(r => r.Name.Length);
Console.WriteLine();
Console.WriteLine($"| {"measure (median of runs)".PadRight(width)} | {"p50 ms",8} | {"p99 ms",8} | {"p50/base",8} | {"p99/base",8} |");
Console.WriteLine($"|-{new string('-', width)}-|---------:|---------:|---------:|---------:|");
foreach (var (name, p50, p99) in rows)
    Console.WriteLine($"| {name.PadRight(width)} | {F(p50),8} | {F(p99),8} | {F(p50 / baseline.P50),8} | {F(p99 / baseline.P99),8} |");
return 0;

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
