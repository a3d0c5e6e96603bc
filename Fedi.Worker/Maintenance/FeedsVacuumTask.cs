using Fedi.Core.Accounts;
using Fedi.Core.Configuration;
using Fedi.Core.Contracts;
using Fedi.Core.Redis;
using StackExchange.Redis;

namespace Fedi.Worker.Maintenance;

/// <summary>
/// Mastodon's FeedsVacuum: deletes the home feeds of users not signed in within USER_ACTIVE_DAYS, which the
/// fan-out no longer updates; a returning user's feed is rebuilt on read. Users in batches, one pipelined DEL
/// round trip per batch.
/// </summary>
public sealed class FeedsVacuumTask(UserStore users, RedisConnection redis, InstanceOptions instance, TimeProvider time) : IMaintenanceTask
{
    private const int BatchSize = 1000;

    public string Name => "feeds-vacuum";

    public async Task<string> RunAsync(CancellationToken ct)
    {
        var activeSince = time.GetUtcNow().UtcDateTime.AddDays(-instance.UserActiveDays);
        long after = 0, deleted = 0;
        while (true)
        {
            var ids = await users.ListInactiveAccountIdsAsync(after, activeSince, BatchSize, ct);
            if (ids.Count == 0) break;
            var batch = redis.Database.CreateBatch();
            var deletes = ids.Select(id => batch.KeyDeleteAsync(RedisKeys.HomeFeed(id))).ToList();
            batch.Execute();
            deleted += (await Task.WhenAll(deletes)).Count(d => d);
            if (ids.Count < BatchSize) break;
            after = ids[^1];
        }
        return $"deleted {deleted} inactive home feed(s)";
    }
}
