using Fedi.Core.Contracts;
using Fedi.Core.Data;
using Fedi.Core.Errors;
using Fedi.Core.Feeds;
using Fedi.Core.Redis;
using Fedi.Core.Statuses;

namespace Fedi.Core.Lists;

/// <summary>
/// GET /api/v1/timelines/list/:id: the Redis feed, rebuilt from PostgreSQL when missing (as home). Statuses of
/// accounts no longer on the list are left out: unfollowing removes the membership (cascade) without touching the feed;
/// so are those the owner's blocks and mutes hide (a muted member stays on the list).
/// </summary>
public sealed class ListTimelineService(
    ListStore lists, ListAccountStore members, ListFeedStore store, FeedManager feeds, RedisConnection redis, StatusFilterStore statuses)
{
    /// <exception cref="ApiException">404 when the list is not the viewer's.</exception>
    public async Task<IReadOnlyList<Status>> ReadAsync(long listId, long viewerId, Page window, CancellationToken ct = default)
    {
        _ = await lists.FindOwnedAsync(listId, viewerId, ct) ?? throw ApiException.NotFound();
        var key = RedisKeys.ListFeed(listId);
        if (!await redis.Database.KeyExistsAsync(key))
            await feeds.AddToFeedAsync(key, await store.ListFeedIdsAsync(listId, RedisKeys.FeedMaxItems, ct));
        var page = await statuses.ListVisibleAsync(await feeds.ReadIdsAsync(key, window), viewerId, ct);
        var current = await members.ListAccountIdsAsync(listId, ct);
        return page.Where(s => current.Contains(s.AccountId)).ToList();
    }
}
