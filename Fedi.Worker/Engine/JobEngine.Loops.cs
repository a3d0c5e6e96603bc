using Microsoft.Extensions.Logging;
using StackExchange.Redis;

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
        try
        {
            while (await _buffer.Writer.WaitToWriteAsync(stop))
            {
                // Enough for the idle executors plus a small prefetch: jobs waiting here while every executor
                // is busy with slow work are jobs another process could have started.
                var idleExecutors = options.Concurrency - work.Busy - _buffer.Reader.Count;
                var wanted = Math.Min(WorkerOptions.FetchBatch, Math.Min(idleExecutors + options.Prefetch, options.BufferSize - _buffer.Reader.Count));
                if (wanted <= 0)
                {
                    await _executorFreed.WaitAsync(IdleMax, stop);
                    continue;
                }
                var orders = new string[wanted][];
                for (var i = 0; i < wanted; i++) orders[i] = options.Queues.NextOrder(random);
                IReadOnlyList<FetchedJob> jobs;
                try
                {
                    if (fetch.ReclaimNeeded) await fetch.ReclaimUnknownAsync();
                    jobs = await fetch.FetchAsync(options.Queues.Names, orders);
                }
                catch (Exception e) when (e is RedisException or TimeoutException)
                {
                    // The script may have run and only its reply been lost: jobs we never saw may be ours now.
                    fetch.MarkForReclaim();
                    logger.LoopFailed(e, "fetch", ErrorDelay);
                    await Task.Delay(ErrorDelay, stop);
                    continue;
                }
                // The buffer had room for all of them and only this loop writes.
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
