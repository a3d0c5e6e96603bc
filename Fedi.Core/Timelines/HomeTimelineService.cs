using Fedi.Core.Contracts;
using Fedi.Core.Data;
using Fedi.Core.Feeds;
using Fedi.Core.Statuses;

namespace Fedi.Core.Timelines;

/// <summary>
/// Reads the home timeline from the Redis feed (the newest 800 entries), rebuilding it from
/// PostgreSQL first when the user has none. Fan-out already leaves out blocked and muted accounts; the read
/// filters again, as relations change after a status entered the feed (a mute expires, a domain is blocked).
/// </summary>
public sealed class HomeTimelineService(FeedManager feeds, PrecomputeFeedService precompute, StatusFilterStore statuses)
{
    public async Task<IReadOnlyList<Status>> ReadAsync(long accountId, Page page, CancellationToken ct = default)
    {
        if (!await feeds.HomeFeedExistsAsync(accountId))
            await precompute.EnsureHomeAsync(accountId, ct);

        var ids = await feeds.ReadIdsAsync(RedisKeys.HomeFeed(accountId), page);
        var rows = await statuses.ListVisibleAsync(ids, accountId, ct);
        return rows; // ListAsync returns newest first; deleted statuses simply drop out of the page
    }
}
