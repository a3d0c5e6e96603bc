using System.Diagnostics;
using System.Text.Json.Nodes;
using Fedi.Core.Contracts;
using Fedi.Core.Contracts.Jobs;
using Fedi.Testing;

namespace Fedi.Benchmarks.Jobs;

/// <summary>
/// (a) Enqueue rate: Fedi's JobClient against Sidekiq::Client from Ruby, one awaited push per job and in
/// bulk (batches of 1,000: EnqueueManyAsync / push_bulk), into a queue no worker reads.
/// </summary>
public sealed class EnqueueBench(BenchServers servers, BenchOptions options)
{
    private const string Queue = "bench_enqueue";
    private const int BulkBatch = 1_000;

    public async Task RunAsync(Results results)
    {
        Console.WriteLine($"(a) enqueue {options.Jobs:N0} jobs");
        foreach (var mode in new[] { "one", "bulk" })
        {
            var fedi = new List<double>();
            var sidekiq = new List<double>();
            for (var r = 0; r < options.Repeats; r++)
            {
                fedi.Add(options.Jobs / await Measure(() => FediAsync(mode)));
                sidekiq.Add(options.Jobs / await Measure(() => SidekiqAsync(mode)));
            }
            results.Add($"enqueue {(mode == "one" ? "one by one" : "bulk ×1000")} (jobs/s)", fedi, sidekiq);
        }
    }

    private async Task<double> Measure(Func<Task<double>> run)
    {
        await servers.Db.KeyDeleteAsync(SidekiqKeys.Queue(Queue));
        var seconds = await run();
        var length = await servers.Db.ListLengthAsync(SidekiqKeys.Queue(Queue));
        if (length != options.Jobs) throw new InvalidOperationException($"{length} jobs enqueued instead of {options.Jobs}");
        await servers.Db.KeyDeleteAsync(SidekiqKeys.Queue(Queue));
        return seconds;
    }

    private async Task<double> FediAsync(string mode)
    {
        var watch = Stopwatch.StartNew();
        if (mode == "one")
        {
            for (var i = 0; i < options.Jobs; i++) await servers.Jobs.EnqueueAsync(new BenchNoopJob(i), Queue);
        }
        else
        {
            foreach (var chunk in Enumerable.Range(0, options.Jobs).Chunk(BulkBatch))
                await servers.Jobs.EnqueueManyAsync(chunk.Select(i => new BenchNoopJob(i)), Queue);
        }
        return watch.Elapsed.TotalSeconds;
    }

    private async Task<double> SidekiqAsync(string mode)
    {
        var script = Path.Combine(RepositoryPaths.Root, "tests", "interop", "bench_enqueue.rb");
        var result = (await CommandLine.RunAsync("ruby", [script, servers.Redis.Url, mode, options.Jobs.ToString(), Queue], TimeSpan.FromMinutes(10))).EnsureSuccess();
        var json = JsonNode.Parse(result.Output.Last(l => l.StartsWith('{')))!;
        return json["seconds"]!.GetValue<double>();
    }
}
