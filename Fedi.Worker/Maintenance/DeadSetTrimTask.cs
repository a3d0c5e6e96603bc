using Fedi.Core.Contracts;
using Fedi.Core.Redis;
using Fedi.Worker.Engine;

namespace Fedi.Worker.Maintenance;

/// <summary>Keeps the dead set within Sidekiq's limits even when nothing dies for a while (each death trims it
/// too) or when another tool added to it.</summary>
public sealed class DeadSetTrimTask(RedisConnection redis, TimeProvider time) : IMaintenanceTask
{
    public string Name => "dead-set-trim";

    public async Task<string> RunAsync(CancellationToken ct)
    {
        var oldest = time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0 - JobSettler.DeadTimeout.TotalSeconds;
        var expired = await redis.Database.SortedSetRemoveRangeByScoreAsync(SidekiqKeys.Dead, double.NegativeInfinity, oldest);
        var excess = await redis.Database.SortedSetRemoveRangeByRankAsync(SidekiqKeys.Dead, 0, -JobSettler.DeadMaxJobs - 1);
        return $"removed {expired} expired and {excess} excess dead job(s)";
    }
}
