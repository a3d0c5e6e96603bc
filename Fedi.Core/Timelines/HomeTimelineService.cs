using Fedi.Core.Contracts;
using Fedi.Core.Redis;
using Fedi.Core.Statuses;
using StackExchange.Redis;

namespace Fedi.Core.Timelines;

/// <summary>
/// Reads the home timeline from the Redis feed (the newest 800 entries), rebuilding it from
/// PostgreSQL first when the user has none.
/// </summary>
public sealed class HomeTimelineService(RedisConnection redis, FeedManager feeds, PrecomputeFeedService precompute, StatusStore statuses)
{
    public async Task<IReadOnlyList<Status>> ReadAsync(long accountId, Page page, CancellationToken ct = default)
    {
        if (!await feeds.HomeFeedExistsAsync(accountId))
            await precompute.RebuildHomeAsync(accountId, ct);

        var ids = await ReadIdsAsync(accountId, page);
        var rows = await statuses.ListAsync(ids, ct);
        return rows; // ListAsync returns newest first; deleted statuses simply drop out of the page
    }

    private async Task<long[]> ReadIdsAsync(long accountId, Page page)
    {
        var key = RedisKeys.HomeFeed(accountId);
        var upper = page.MaxId is { } max ? (double)max : double.PositiveInfinity;
        var lower = page.LowerBound is { } min ? (double)min : double.NegativeInfinity;
        var values = await redis.Database.SortedSetRangeByScoreAsync(key, lower, upper, Exclude.Both,
            page.Ascending ? Order.Ascending : Order.Descending, 0, page.Limit);
        return values.Select(v => (long)v).ToArray();
    }
}
