using Fedi.Core.Contracts;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Jobs;
using Fedi.Core.Redis;
using Fedi.Worker.Engine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Fedi.Worker.Maintenance;

/// <summary>
/// Exactly one worker process (the holder of <see cref="MaintenanceKeys.Leader"/>) enqueues the maintenance
/// tasks when due, as jobs on the <c>scheduler</c> queue that any process may run. The lease is renewed every
/// third of its TTL; when the leader dies it expires and another process takes over within one TTL. When each
/// task is due next lives in Redis, so a new leader carries on where the old one stopped; each due run is claimed
/// together with the lease check (<see cref="MaintenanceRecords.ClaimDueAsync"/>), so a leader that stalled past
/// its lease cannot enqueue a run its successor already did.
/// </summary>
public sealed class MaintenanceLeader(
    RedisConnection redis,
    ProcessIdentity identity,
    WorkerOptions options,
    MaintenanceSchedule schedule,
    MaintenanceRecords records,
    TimeProvider time,
    ILogger<MaintenanceLeader> logger) : BackgroundService
{
    private const string RenewScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
        return 0
        """;

    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    private bool _leader;

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var tick = TimeSpan.FromTicks(Math.Min(options.LeaderTtl.Ticks / 3, TimeSpan.FromSeconds(5).Ticks));
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (await HoldLeaseAsync()) await EnqueueDueAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LeaderLoopFailed(e);
            }
            try
            {
                await Task.Delay(tick, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Hand over at once rather than after the TTL.
        if (_leader)
            await redis.Database.ScriptEvaluateAsync(ReleaseScript, [MaintenanceKeys.Leader], [identity.Identity]);
    }

    private async Task<bool> HoldLeaseAsync()
    {
        var ttl = (long)options.LeaderTtl.TotalMilliseconds;
        if (_leader)
        {
            var renewed = (long)await redis.Database.ScriptEvaluateAsync(RenewScript, [MaintenanceKeys.Leader], [identity.Identity, ttl]);
            if (renewed == 1) return true;
            _leader = false;
            logger.LostLead(identity.Identity);
        }
        if (!await redis.Database.StringSetAsync(MaintenanceKeys.Leader, identity.Identity, options.LeaderTtl, When.NotExists))
            return false;
        _leader = true;
        logger.BecameLeader(identity.Identity, options.LeaderTtl);
        return true;
    }

    private async Task EnqueueDueAsync()
    {
        var now = time.GetUtcNow();
        foreach (var task in MaintenanceSchedule.Tasks)
        {
            var record = await records.ReadAsync(task.Name);
            if (record.NextAt is null)
            {
                await records.SetNextAsync(task.Name, await schedule.NextAsync(task, now));
                continue;
            }
            if (record.NextAt > now) continue;
            var job = new MaintenanceJob(task.Name).ToPayload();
            var next = now;
            if (await records.ClaimDueAsync(task.Name, now, identity.Identity, job, async () => next = await schedule.NextAsync(task, now)))
                logger.TaskEnqueued(task.Name, job.Jid, next);
        }
    }
}
