using Fedi.Core.Contracts;

namespace Fedi.Core.Feeds;

/// <summary>
/// Mastodon's FeedManager#merge_into_home, after a follow: up to 200 of the followed account's recent statuses
/// into the follower's home feed — only newer than the feed's oldest entry once the feed holds 200 or more,
/// so nothing is added that the trim would drop at once. A follower without a feed gets nothing: the feed is
/// rebuilt from PostgreSQL, follow included, when they next read it. Reblogs go in oldest first through
/// <see cref="ReblogFeeds"/>, so one already shown by the feed is not shown again.
/// </summary>
public sealed class MergeService(FeedManager feeds, FeedMergeStore store, ReblogFeeds reblogs)
{
    public const int MaxStatuses = RedisKeys.FeedMaxItems / 4;

    public async Task MergeAsync(long targetAccountId, long followerAccountId, CancellationToken ct = default)
    {
        var size = await feeds.HomeFeedSizeAsync(followerAccountId);
        if (size == 0) return;
        var after = size >= MaxStatuses ? await feeds.OldestHomeEntryAsync(followerAccountId) : null;
        var rows = await store.ListMergeableIdsAsync(targetAccountId, followerAccountId, after, MaxStatuses, ct);
        await feeds.AddToExistingHomeFeedsAsync([followerAccountId], rows.Where(r => r.ReblogOfId is null).Select(r => r.Id).ToList());
        foreach (var (id, originalId) in rows.Where(r => r.ReblogOfId is not null).Reverse())
            await reblogs.AddToExistingHomeFeedsAsync([followerAccountId], id, originalId!.Value);
    }
}
