using Fedi.Core.Contracts;

namespace Fedi.Core.Timelines;

/// <summary>
/// Rebuilds a home feed from PostgreSQL (Mastodon's PrecomputeFeedService): for a user who had none —
/// new, or back after USER_ACTIVE_DAYS — and before merging into a feed that does not exist yet.
/// </summary>
public sealed class PrecomputeFeedService(TimelineStore timelines, FeedManager feeds)
{
    public async Task<IReadOnlyList<long>> RebuildHomeAsync(long accountId, CancellationToken ct = default)
    {
        var ids = await timelines.ListHomeFeedIdsAsync(accountId, RedisKeys.FeedMaxItems, ct);
        await feeds.AddToHomeFeedAsync(accountId, ids);
        return ids;
    }
}
