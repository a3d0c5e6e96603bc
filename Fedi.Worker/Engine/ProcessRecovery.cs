using Fedi.Core.Contracts;
using Fedi.Core.Redis;
using Microsoft.Extensions.Logging;

namespace Fedi.Worker.Engine;

/// <summary>
/// Finds processes whose heartbeat hash has expired and puts their in-progress jobs back on their queues.
/// Candidates come from <c>processes</c> and <see cref="SidekiqKeys.InProgressOwners"/>; the re-queue script
/// re-checks the hash itself, so a survivor that races another (or a slow but living owner) does no harm.
/// </summary>
public sealed class ProcessRecovery(RedisConnection redis, ProcessIdentity self, ReliableFetch fetch, ILogger<ProcessRecovery> logger)
{
    /// <returns>the number of jobs re-queued.</returns>
    public async Task<int> RecoverDeadProcessesAsync()
    {
        var batch = redis.Database.CreateBatch();
        var processes = batch.SetMembersAsync(SidekiqKeys.Processes);
        var owners = batch.SetMembersAsync(SidekiqKeys.InProgressOwners);
        batch.Execute();
        var candidates = (await processes).Concat(await owners)
            .Select(v => (string)v!)
            .Where(id => id != self.Identity)
            .Distinct()
            .ToList();
        if (candidates.Count == 0) return 0;

        var check = redis.Database.CreateBatch();
        var alive = candidates.Select(id => check.KeyExistsAsync(SidekiqKeys.Process(id))).ToList();
        check.Execute();
        var total = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (await alive[i]) continue;
            var count = await fetch.RequeueAsync(candidates[i], onlyIfDead: true);
            if (count <= 0) continue;
            JobMetrics.Recovered.Inc(count);
            logger.Recovered(count, candidates[i]);
            total += count;
        }
        return total;
    }
}
