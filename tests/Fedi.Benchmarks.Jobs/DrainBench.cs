using System.Diagnostics;
using Fedi.Core.Contracts;
using StackExchange.Redis;

namespace Fedi.Benchmarks.Jobs;

/// <summary>
/// (b) Drain: N jobs of one kind wait in a holding list; one engine process with C executors is started and
/// registered, then RENAME makes the list queue:default at once (waking Sidekiq's BRPOP) and the clock runs
/// until the queue is empty and the engine holds nothing. CPU seconds and peak RSS come from /proc.
/// </summary>
public sealed class DrainBench(BenchServers servers, BenchOptions options)
{
    private const string Hold = "bench:hold";
    private static readonly RedisKey QueueKey = SidekiqKeys.Queue("default");

    public async Task RunAsync(Results results)
    {
        IEngine[] engines = new IEngine[] { new FediEngine(servers), new SidekiqEngine(servers) }
            .Where(e => options.Engines.Contains(e.Name.ToLowerInvariant())).ToArray();
        foreach (var kind in options.Kinds)
        {
            foreach (var concurrency in options.Concurrencies)
            {
                Console.WriteLine($"(b) drain {options.Jobs:N0} {kind} jobs, concurrency {concurrency}");
                var runs = engines.ToDictionary(e => e.Name, _ => new List<DrainRun>());
                for (var r = 0; r < options.Repeats; r++)
                    foreach (var engine in engines)
                        runs[engine.Name].Add(await DrainOnceAsync(engine, kind, concurrency));
                var label = $"{kind} c={concurrency}";
                results.Add($"{label} jobs/s", Pick(runs.GetValueOrDefault("Fedi"), d => options.Jobs / d.Seconds), Pick(runs.GetValueOrDefault("Sidekiq"), d => options.Jobs / d.Seconds));
                results.Add($"{label} wall s", Pick(runs.GetValueOrDefault("Fedi"), d => d.Seconds), Pick(runs.GetValueOrDefault("Sidekiq"), d => d.Seconds));
                results.Add($"{label} jobs per worker CPU-second", Pick(runs.GetValueOrDefault("Fedi"), d => options.Jobs / d.CpuSeconds), Pick(runs.GetValueOrDefault("Sidekiq"), d => options.Jobs / d.CpuSeconds));
                results.Add($"{label} worker CPU s", Pick(runs.GetValueOrDefault("Fedi"), d => d.CpuSeconds), Pick(runs.GetValueOrDefault("Sidekiq"), d => d.CpuSeconds));
                results.Add($"{label} redis-server CPU s", Pick(runs.GetValueOrDefault("Fedi"), d => d.RedisCpuSeconds), Pick(runs.GetValueOrDefault("Sidekiq"), d => d.RedisCpuSeconds));
                results.Add($"{label} peak RSS MiB", Pick(runs.GetValueOrDefault("Fedi"), d => d.PeakRssMiB), Pick(runs.GetValueOrDefault("Sidekiq"), d => d.PeakRssMiB));
            }
        }
    }

    private static List<double>? Pick(List<DrainRun>? runs, Func<DrainRun, double> measure) => runs?.Select(measure).ToList();

    private async Task<DrainRun> DrainOnceAsync(IEngine engine, string kind, int concurrency)
    {
        var db = servers.Db;
        await db.KeyDeleteAsync([QueueKey, Hold, SidekiqKeys.Retry, SidekiqKeys.Dead, .. BenchJobs.FeedKeys]);
        await BenchJobs.FillAsync(db, Hold, kind, options.Jobs);
        var starting = Stopwatch.StartNew();
        var process = await engine.StartAsync(concurrency);
        var started = starting.Elapsed;
        var profile = servers.Profile;
        await profile.ResetAsync();
        try
        {
            var cpu = ProcStat.CpuSeconds(process.Pid);
            var redisCpu = ProcStat.CpuSeconds(servers.RedisPid);
            var watch = Stopwatch.StartNew();
            var transaction = db.CreateTransaction();
            _ = transaction.KeyRenameAsync(Hold, QueueKey);
            _ = transaction.SetAddAsync(SidekiqKeys.Queues, "default");
            await transaction.ExecuteAsync();
            while (await db.ListLengthAsync(QueueKey) > 0 || !await process.IdleAsync())
            {
                if (watch.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException($"{engine.Name} did not drain in 10 minutes");
                await Task.Delay(5);
            }
            var run = new DrainRun(watch.Elapsed.TotalSeconds, ProcStat.CpuSeconds(process.Pid) - cpu,
                ProcStat.CpuSeconds(servers.RedisPid) - redisCpu, ProcStat.PeakRssMiB(process.Pid));
            Console.WriteLine($"    {engine.Name}: {run.Seconds:0.00} s, {options.Jobs / run.Seconds:#,0} jobs/s, CPU {run.CpuSeconds:0.00} s, redis CPU {run.RedisCpuSeconds:0.00} s, peak RSS {run.PeakRssMiB:0} MiB (registered {started.TotalSeconds:0.00} s after start)");
            Console.WriteLine($"      {await profile.DescribePerJobAsync(options.Jobs)}");
            return run;
        }
        finally
        {
            await process.StopAsync();
            if (kind == BenchJobs.FeedInsert && await BenchJobs.VerifyFeedsAsync(db, options.Jobs) is { } missing)
                Console.WriteLine($"      INCOMPLETE ({engine.Name}): {missing}; retry set {await db.SortedSetLengthAsync(SidekiqKeys.Retry)}, " +
                                  $"dead set {await db.SortedSetLengthAsync(SidekiqKeys.Dead)}, queue {await db.ListLengthAsync(QueueKey)}");
        }
    }

    private sealed record DrainRun(double Seconds, double CpuSeconds, double RedisCpuSeconds, double PeakRssMiB);
}
