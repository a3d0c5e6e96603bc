using Fedi.Core.Feeds;
using Fedi.Core.Statuses;

namespace Fedi.Core.Relationships;

/// <summary>
/// Mastodon's FeedManager#clear_from_home after a block or mute: takes out of the home feed the statuses of
/// an account and reblogs of them, whether or not the owner still follows it (UnmergeWorker only covers
/// unfollows). One read of the feed (at most 800 ids) and one query, so it runs inline.
/// </summary>
public sealed class ClearFromHomeService(StatusStore statuses, FeedManager feeds)
{
    public async Task ClearAsync(long accountId, long targetAccountId, CancellationToken ct = default)
    {
        var inFeed = await feeds.ListHomeEntriesAsync(accountId);
        if (inFeed.Count == 0) return;
        var theirs = await statuses.ListIdsByAuthorAsync(inFeed, targetAccountId, ct);
        if (theirs.Count > 0) await feeds.RemoveFromHomeFeedAsync(accountId, theirs);
    }
}
