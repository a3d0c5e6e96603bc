using Fedi.Benchmarks.Streaming;
using Fedi.Benchmarks.Streaming.Versus;
using Fedi.Testing;

if (args.FirstOrDefault() == VersusOptions.Command)
{
    await VersusRun.RunAsync(VersusOptions.Parse(args[1..]));
    return;
}

var options = BenchmarkOptions.Parse(args);
var limit = Machine.RaiseFileLimit((ulong)options.Connections.Max() * 2 + 1024);
Console.WriteLine($"Machine: {Machine.Describe()}");
Console.WriteLine($"Open-file limit (this process and the streaming process it starts): {limit}");
Console.WriteLine($"Events per run: {options.Events} on timeline:public, {options.IntervalMs} ms apart; {options.Handshakes} handshakes in flight");

await using var postgres = await TestPostgres.StartOwnAsync();
await using var redis = await TestRedis.StartOwnAsync();
var results = new List<BenchmarkResult>();
foreach (var connections in options.Connections)
{
    Console.WriteLine($"-- {connections:N0} connections");
    var result = await new BenchmarkRun(postgres, redis, options).RunAsync(connections);
    Console.WriteLine(BenchmarkResult.Header.Split('\n')[0]);
    Console.WriteLine(result.Row());
    results.Add(result);
}
Console.WriteLine();
Console.WriteLine(BenchmarkResult.Header);
foreach (var result in results) Console.WriteLine(result.Row());
