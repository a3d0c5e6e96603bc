using Microsoft.Extensions.Logging;

namespace Fedi.Worker.Engine;

public sealed partial class JobEngine
{
    private static readonly TimeSpan IdleStart = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan IdleMax = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ErrorDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Keeps the buffer topped up. Redis has no blocking pop over several lists that also moves the job
    /// atomically, so an idle engine polls: 2 ms after the queues were last found empty, doubling to 100 ms.
    /// </summary>
    private async Task FetchLoopAsync()
    {
        var stop = _stopFetching.Token;
        var idle = IdleStart;
        var random = new Random();
        var prefetch = new PrefetchGauge(options.Prefetch, WorkerOptions.MaxFetch, WorkerOptions.PrefetchHorizon);
        long fetched = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var buffered = Volatile.Read(ref _buffered);
                var ahead = prefetch.Jobs(fetched - buffered);
                // Refill once half of what is fetched ahead has been taken, or when an executor has nothing
                // to do: fewer, larger fetches.
                var idleExecutors = Math.Max(0, options.Concurrency - work.Busy - buffered);
                var wanted = Math.Min(WorkerOptions.MaxFetch, idleExecutors + ahead - buffered);
                if (wanted <= 0 || (buffered > ahead / 2 && idleExecutors == 0))
                {
                    Volatile.Write(ref _lowWater, ahead / 2);
                    Interlocked.Exchange(ref _fetchWaiting, 1);
                    if (Volatile.Read(ref _buffered) > ahead / 2) await _refill.WaitAsync(IdleMax, stop);
                    Interlocked.Exchange(ref _fetchWaiting, 0);
                    continue;
                }
                IReadOnlyList<FetchedJob> jobs;
                try
                {
                    if (fetch.ReclaimNeeded) await fetch.ReclaimUnknownAsync();
                    jobs = await fetch.FetchAsync(options.Queues, wanted, random);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The script may have run and only its reply been lost: jobs we never saw may be ours now.
                    fetch.MarkForReclaim();
                    logger.LoopFailed(e, "fetch", ErrorDelay);
                    await Task.Delay(ErrorDelay, stop);
                    continue;
                }
                fetched += jobs.Count;
                Interlocked.Add(ref _buffered, jobs.Count);
                // The buffer has room for all of them and only this loop writes.
                foreach (var job in jobs) _buffer.Writer.TryWrite(job);
                if (jobs.Count > 0)
                {
                    idle = IdleStart;
                    continue;
                }
                await Task.Delay(idle, stop);
                idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, IdleMax.Ticks));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>An executor took a job from the buffer: wakes the fetch loop once the buffer runs low.</summary>
    private void Took()
    {
        if (Interlocked.Decrement(ref _buffered) <= Volatile.Read(ref _lowWater) && Interlocked.Exchange(ref _fetchWaiting, 0) == 1)
            _refill.Release();
    }

    /// <summary>Beats until the very end of shutdown: while jobs drain the process must still look alive.</summary>
    private async Task HeartbeatLoopAsync()
    {
        var stop = _stopHeartbeat.Token;
        await RepeatAsync("heartbeat", stop, () => options.HeartbeatInterval, async () =>
        {
            if (!await heartbeat.BeatAsync()) logger.HeartbeatLost(identity.Identity);
            await stats.FlushAsync();
            await queueSampler.SampleAsync();
        });
    }

    private async Task PollLoopAsync()
    {
        var stop = _stopHousekeeping.Token;
        await RepeatAsync("scheduled", stop, () => Jittered(options.PollInterval), poller.EnqueueDueAsync);
    }

    private async Task RecoveryLoopAsync()
    {
        var stop = _stopHousekeeping.Token;
        await RepeatAsync("recovery", stop, () => Jittered(options.RecoveryInterval), recovery.RecoverDeadProcessesAsync);
    }

    private async Task RepeatAsync(string name, CancellationToken stop, Func<TimeSpan> interval, Func<Task> action)
    {
        try
        {
            while (true)
            {
                await Task.Delay(interval(), stop);
                try
                {
                    await action();
                }
                catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
                {
                    logger.LoopFailed(e, name, ErrorDelay);
                    await Task.Delay(ErrorDelay, stop);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>±50% so that many processes started together do not poll in lockstep.</summary>
    private static TimeSpan Jittered(TimeSpan average) => average * (0.5 + Random.Shared.NextDouble());
}
