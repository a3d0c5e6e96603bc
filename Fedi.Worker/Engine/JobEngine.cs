using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fedi.Worker.Engine;

/// <summary>
/// The worker's job engine: one fetch loop filling a small bounded buffer, <see cref="WorkerOptions.Concurrency"/>
/// executors draining it, and the housekeeping loops (heartbeat, schedule/retry poller, recovery of dead
/// processes). On stop it stops fetching, lets running jobs finish within the host's shutdown timeout and
/// pushes everything unfinished back onto its queue before unregistering.
/// </summary>
public sealed partial class JobEngine(
    WorkerOptions options,
    ProcessIdentity identity,
    ReliableFetch fetch,
    JobRunner runner,
    CompletedJobs completed,
    Heartbeat heartbeat,
    JobStats stats,
    WorkState work,
    ScheduledPoller poller,
    ProcessRecovery recovery,
    QueueSampler queueSampler,
    CapacityCheck capacity,
    IOptions<HostOptions> hostOptions,
    ILogger<JobEngine> logger) : IHostedService
{
    private readonly Channel<FetchedJob> _buffer = Channel.CreateBounded<FetchedJob>(
        new BoundedChannelOptions(options.BufferSize) { SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _stopFetching = new();
    private readonly CancellationTokenSource _stopExecutors = new();
    private readonly CancellationTokenSource _abortJobs = new();
    private readonly CancellationTokenSource _stopHousekeeping = new();
    private readonly CancellationTokenSource _stopHeartbeat = new();
    private readonly SemaphoreSlim _refill = new(0);
    private int _buffered;
    private int _lowWater;
    private int _fetchWaiting;
    private readonly List<Task> _executors = [];
    private readonly List<Task> _housekeeping = [];
    private Task _fetcher = Task.CompletedTask;
    private Task _heartbeat = Task.CompletedTask;
    private Task _settler = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Registered (and visible as alive) before the first fetch, so a survivor never takes our
        // in-progress list for a dead process's.
        await heartbeat.BeatAsync();
        _settler = Task.Run(completed.RunAsync, CancellationToken.None);
        for (var i = 0; i < options.Concurrency; i++)
        {
            var slot = i;
            _executors.Add(Task.Run(() => ExecuteLoopAsync(slot), CancellationToken.None));
        }
        // The gauge is read from the executors' slots when scraped, not moved twice per job.
        Prometheus.Metrics.DefaultRegistry.AddBeforeCollectCallback(() => JobMetrics.Busy.Set(work.Busy));
        _fetcher = Task.Run(FetchLoopAsync, CancellationToken.None);
        _heartbeat = Task.Run(HeartbeatLoopAsync, CancellationToken.None);
        _housekeeping.Add(Task.Run(PollLoopAsync, CancellationToken.None));
        _housekeeping.Add(Task.Run(RecoveryLoopAsync, CancellationToken.None));
        logger.EngineStarted(identity.Identity, options.Concurrency, options.Queues.ToString(), options.HeartbeatTtl);
        // In the background: a slow PostgreSQL must not hold up the start.
        _housekeeping.Add(Task.Run(() => Quietly(() => capacity.CheckAsync(_stopHousekeeping.Token)), CancellationToken.None));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        heartbeat.Quiet = true;
        await _stopFetching.CancelAsync();
        await _stopHousekeeping.CancelAsync();
        await _fetcher;
        await _stopExecutors.CancelAsync();

        var timeout = hostOptions.Value.ShutdownTimeout;
        // Keep a little of the host's shutdown time to push unfinished jobs back.
        var drain = timeout - TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(2).Ticks, timeout.Ticks / 5));
        logger.Draining(drain, work.Busy);
        var executors = Task.WhenAll(_executors);
        if (await Task.WhenAny(executors, Task.Delay(drain, cancellationToken)) != executors)
        {
            logger.DrainTimedOut(work.Busy);
            await _abortJobs.CancelAsync();
            await Task.WhenAny(executors, Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None));
        }
        // Finished jobs leave the in-progress list before the rest of it goes back to the queues.
        completed.Close();
        await Quietly(() => _settler);
        await Task.WhenAll(_housekeeping);
        await _stopHeartbeat.CancelAsync();
        await _heartbeat;

        await Quietly(stats.FlushAsync);
        var requeued = 0;
        await Quietly(async () => requeued = await fetch.RequeueAsync(identity.Identity, onlyIfDead: false));
        logger.EngineStopped(requeued);
    }

    private async Task ExecuteLoopAsync(int slot)
    {
        while (!_stopExecutors.IsCancellationRequested)
        {
            FetchedJob job;
            try
            {
                job = await _buffer.Reader.ReadAsync(_stopExecutors.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            Took();
            try
            {
                await runner.RunAsync(job, slot, _abortJobs.Token);
            }
            catch (Exception e)
            {
                // A bug, not a job failure: the job stays in progress and goes back to its queue at shutdown.
                logger.LoopFailed(e, "executor", TimeSpan.Zero);
            }
        }
    }

    private async Task Quietly(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception e)
        {
            logger.LoopFailed(e, "shutdown", TimeSpan.Zero);
        }
    }
}
