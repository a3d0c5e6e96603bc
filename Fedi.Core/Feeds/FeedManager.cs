using Fedi.Core.Contracts;
using Fedi.Core.Data;
using Fedi.Core.Redis;
using StackExchange.Redis;

namespace Fedi.Core.Feeds;

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
    public Task AddToHomeFeedAsync(long accountId, IReadOnlyCollection<long> statusIds) =>
        AddToFeedAsync(RedisKeys.HomeFeed(accountId), statusIds);

    /// <summary>
    /// Adds many statuses to one feed (home or list) by its key, trimming it, in one pipelined round trip. The
    /// trim's reply is not waited for: a trim that fails is redone by the next insert, an error on the key shows on
    /// the ZADD already, and later commands on the connection run after it — one completion less per insert.
    /// </summary>
    public async Task AddToFeedAsync(string key, IReadOnlyCollection<long> statusIds)
    {
        if (statusIds.Count == 0) return;
        var entries = statusIds.Select(id => new SortedSetEntry(id, id)).ToArray();
        var batch = redis.Database.CreateBatch();
        var added = batch.SortedSetAddAsync(key, entries);
        _ = batch.SortedSetRemoveRangeByRankAsync(key, 0, -(RedisKeys.FeedMaxItems + 1), CommandFlags.FireAndForget);
        batch.Execute();
        await added;
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

    // KEYS = feeds; ARGV[1] = max entries, ARGV[2..] = status ids. Feeds that do not exist are left alone. A status
    // a reblog already stands for near the top (<feed>:reblogs, see ReblogFeeds) is not added again (the original
    // reaching a feed after its reblog, as Mastodon's add_to_feed).
    private const string AddToExistingScript = """
        local max = tonumber(ARGV[1])
        local added = 0
        for _, key in ipairs(KEYS) do
          if redis.call('EXISTS', key) == 1 then
            for i = 2, #ARGV do
              if not redis.call('ZSCORE', key .. ':reblogs', ARGV[i]) then redis.call('ZADD', key, ARGV[i], ARGV[i]) end
            end
            redis.call('ZREMRANGEBYRANK', key, 0, -(max + 1))
            added = added + 1
          end
        end
        return added
        """;

    /// <summary>
    /// Adds statuses to the home feeds that exist, trimming each, in one script call; returns how many feeds
    /// took them. A missing feed stays missing: it means "rebuild from PostgreSQL on the next read"
    /// (<see cref="HomeTimelineService"/>), and a feed started with only the newest status would never be rebuilt.
    /// Used by fan-out (one status, many feeds) and merge (many statuses, one feed).
    /// </summary>
    public Task<int> AddToExistingHomeFeedsAsync(IReadOnlyCollection<long> accountIds, IReadOnlyCollection<long> statusIds) =>
        AddToExistingFeedsAsync(accountIds.Select(RedisKeys.HomeFeed).ToList(), statusIds);

    /// <summary>As <see cref="AddToExistingHomeFeedsAsync"/>, for feeds given by key (list feeds).</summary>
    public async Task<int> AddToExistingFeedsAsync(IReadOnlyCollection<string> feedKeys, IReadOnlyCollection<long> statusIds)
    {
        if (feedKeys.Count == 0 || statusIds.Count == 0) return 0;
        var keys = feedKeys.Select(key => (RedisKey)key).ToArray();
        RedisValue[] args = [RedisKeys.FeedMaxItems, .. statusIds.Select(id => (RedisValue)id)];
        return (int)await redis.Database.ScriptEvaluateAsync(AddToExistingScript, keys, args);
    }

    /// <summary>How many entries the feed holds (0 when it does not exist).</summary>
    public Task<long> HomeFeedSizeAsync(long accountId) => redis.Database.SortedSetLengthAsync(RedisKeys.HomeFeed(accountId));

    /// <summary>Every status id in the feed (at most <see cref="RedisKeys.FeedMaxItems"/>).</summary>
    public async Task<IReadOnlyList<long>> ListHomeEntriesAsync(long accountId)
    {
        var values = await redis.Database.SortedSetRangeByRankAsync(RedisKeys.HomeFeed(accountId));
        return values.Select(v => (long)v).ToArray();
    }

    /// <summary>Most ids one score can stand for: scores are doubles, and above 2^53 consecutive ids share one
    /// in runs of up to 16 (two statuses of the same millisecond).</summary>
    private const int ScoreTwins = 16;

    /// <summary>A page of a feed's status ids (Mastodon's Feed#get: both bounds exclusive), newest first unless min_id.
    /// The bounds are applied to the exact ids: an exclusive score bound would also drop the ids that share the
    /// bound's score, so a status posted in the same millisecond as the last one of a page was never shown.</summary>
    public async Task<long[]> ReadIdsAsync(string key, Page page)
    {
        var upper = page.MaxId is { } max ? (double)max : double.PositiveInfinity;
        var lower = page.LowerBound is { } min ? (double)min : double.NegativeInfinity;
        var values = await redis.Database.SortedSetRangeByScoreAsync(key, lower, upper, Exclude.None,
            page.Ascending ? Order.Ascending : Order.Descending, 0, page.Limit + ScoreTwins);
        var ids = values.Select(v => (long)v).Where(id => id < (page.MaxId ?? long.MaxValue) && id > (page.LowerBound ?? long.MinValue));
        return [.. (page.Ascending ? ids.Order() : ids.OrderDescending()).Take(page.Limit)];
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

    /// <summary>Forgets a list's feed (membership changed, list deleted): the next read rebuilds it from PostgreSQL.</summary>
    public Task DropListFeedAsync(long listId) => redis.Database.KeyDeleteAsync(RedisKeys.ListFeed(listId));
}
