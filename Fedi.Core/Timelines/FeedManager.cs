using Fedi.Core.Contracts;
using Fedi.Core.Redis;
using StackExchange.Redis;

namespace Fedi.Core.Timelines;

/// <summary>
/// Writes home feeds (sorted sets of status ids, newest <see cref="RedisKeys.FeedMaxItems"/> kept).
/// Every method is one pipelined round trip however many feeds it touches.
/// </summary>
public sealed class FeedManager(RedisConnection redis)
{
    /// <summary>Adds one status to many home feeds (fan-out), trimming each.</summary>
    public Task AddToHomeFeedsAsync(IReadOnlyCollection<long> accountIds, long statusId) =>
        Pipeline(accountIds.Select(id => (RedisKeys.HomeFeed(id), statusId)), add: true);

    /// <summary>Adds many statuses to one home feed (merge, rebuild), trimming it.</summary>
    public async Task AddToHomeFeedAsync(long accountId, IReadOnlyCollection<long> statusIds)
    {
        if (statusIds.Count == 0) return;
        var key = RedisKeys.HomeFeed(accountId);
        var entries = statusIds.Select(id => new SortedSetEntry(id, id)).ToArray();
        var batch = redis.Database.CreateBatch();
        var added = batch.SortedSetAddAsync(key, entries);
        var trimmed = batch.SortedSetRemoveRangeByRankAsync(key, 0, -(RedisKeys.FeedMaxItems + 1));
        batch.Execute();
        await Task.WhenAll(added, trimmed);
    }

    public Task RemoveFromHomeFeedsAsync(IReadOnlyCollection<long> accountIds, long statusId) =>
        Pipeline(accountIds.Select(id => (RedisKeys.HomeFeed(id), statusId)), add: false);

    public async Task RemoveFromHomeFeedAsync(long accountId, IReadOnlyCollection<long> statusIds)
    {
        if (statusIds.Count == 0) return;
        await redis.Database.SortedSetRemoveAsync(RedisKeys.HomeFeed(accountId), statusIds.Select(id => (RedisValue)id).ToArray());
    }

    public Task<bool> HomeFeedExistsAsync(long accountId) => redis.Database.KeyExistsAsync(RedisKeys.HomeFeed(accountId));

    /// <summary>The oldest status id the feed still holds (null when empty): older statuses would be trimmed at once.</summary>
    public async Task<long?> OldestHomeEntryAsync(long accountId)
    {
        var oldest = await redis.Database.SortedSetRangeByRankAsync(RedisKeys.HomeFeed(accountId), 0, 0);
        return oldest.Length == 1 ? (long)oldest[0] : null;
    }

    private async Task Pipeline(IEnumerable<(string Key, long StatusId)> writes, bool add)
    {
        var batch = redis.Database.CreateBatch();
        var pending = new List<Task>();
        foreach (var (key, statusId) in writes)
        {
            if (add)
            {
                pending.Add(batch.SortedSetAddAsync(key, statusId, statusId));
                pending.Add(batch.SortedSetRemoveRangeByRankAsync(key, 0, -(RedisKeys.FeedMaxItems + 1)));
            }
            else pending.Add(batch.SortedSetRemoveAsync(key, statusId));
        }
        batch.Execute();
        await Task.WhenAll(pending);
    }
}
