namespace Fedi.Core.Feeds;

/// <summary>
/// Mastodon's FeedManager#unmerge_from_home, after an unfollow: removes the unfollowed account's statuses that
/// are in the follower's home feed (the feed's ids, checked against PostgreSQL in one query).
/// </summary>
public sealed class UnmergeService(FeedManager feeds, FeedMergeStore store)
{
    public async Task UnmergeAsync(long targetAccountId, long followerAccountId, CancellationToken ct = default)
    {
        var inFeed = await feeds.ListHomeEntriesAsync(followerAccountId);
        if (inFeed.Count == 0) return;
        var theirs = await store.ListUnmergeableIdsAsync(targetAccountId, followerAccountId, inFeed, ct);
        await feeds.RemoveFromHomeFeedAsync(followerAccountId, theirs);
    }
}
