using Fedi.Core.Contracts;
using Fedi.Testing;
using StackExchange.Redis;

namespace Fedi.Benchmarks.Jobs;

/// <summary>A job engine under measurement: Fedi.Worker or Sidekiq, one process, on queue "default".</summary>
public interface IEngine
{
    string Name { get; }

    /// <summary>Starts one process with <paramref name="concurrency"/> executors and waits until it has registered.</summary>
    Task<EngineProcess> StartAsync(int concurrency);
}

/// <summary>
/// A running engine process; <see cref="IdleAsync"/> is true when it holds no fetched job. Workers the
/// cluster started are disposed by the cluster (<paramref name="owned"/> false), others here.
/// </summary>
public sealed class EngineProcess(FediProcess process, Func<Task<bool>> idle, bool owned)
{
    public int Pid => process.Id;

    public Task<bool> IdleAsync() => idle();

    public async Task StopAsync()
    {
        await process.StopAsync(TimeSpan.FromSeconds(60));
        if (owned) await process.DisposeAsync();
    }

    /// <summary>Waits until the process appears in Sidekiq's <c>processes</c> set; returns its identity.</summary>
    public static async Task<string> WaitForRegistrationAsync(IDatabase db, FediProcess process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"{process.Name} exited:\n{process.Describe()}");
            var identity = (await db.SetMembersAsync(SidekiqKeys.Processes)).Select(v => (string)v!)
                .FirstOrDefault(i => i.Contains($":{process.Id}:", StringComparison.Ordinal));
            if (identity is not null) return identity;
            await Task.Delay(20);
        }
        throw new TimeoutException($"{process.Name} did not register:\n{process.Describe()}");
    }
}

/// <summary>Fedi.Worker, the Release build, started by the harness (reliable fetch is always on).</summary>
public sealed class FediEngine(BenchServers servers) : IEngine
{
    public string Name => "Fedi";

    public async Task<EngineProcess> StartAsync(int concurrency)
    {
        var process = await servers.Cluster.StartWorkerAsync(new Dictionary<string, string>
        {
            ["WORKER_CONCURRENCY"] = concurrency.ToString(),
            ["WORKER_QUEUES"] = "default",
        });
        var identity = await EngineProcess.WaitForRegistrationAsync(servers.Db, process);
        var inProgress = SidekiqKeys.InProgress(identity);
        return new EngineProcess(process, async () => await servers.Db.ListLengthAsync(inProgress) == 0, owned: false);
    }
}

/// <summary>
/// Debian's Sidekiq 6.4: <c>sidekiq -r tests/interop/bench_workers.rb -c N -q default</c>. Its basic fetch
/// keeps fetched jobs only in memory, so "idle" cannot be observed; the queue being empty has to do
/// (at most N sub-millisecond jobs are still running then).
/// </summary>
public sealed class SidekiqEngine(BenchServers servers) : IEngine
{
    public string Name => "Sidekiq";

    public async Task<EngineProcess> StartAsync(int concurrency)
    {
        var workers = Path.Combine(RepositoryPaths.Root, "tests", "interop", "bench_workers.rb");
        var process = FediProcess.Start("sidekiq", "sidekiq",
            ["-r", workers, "-c", concurrency.ToString(), "-q", "default", "-e", "production"],
            new Dictionary<string, string> { ["REDIS_URL"] = servers.Redis.Url });
        await EngineProcess.WaitForRegistrationAsync(servers.Db, process);
        return new EngineProcess(process, () => Task.FromResult(true), owned: true);
    }
}
