using Fedi.Core.Feeds;
using Fedi.Core.Statuses;
using Fedi.Core.Streams;
using Fedi.Core.Tags;

namespace Fedi.Core.Timelines;

/// <summary>
/// The followed-hashtag step of fan-out (Mastodon's deliver_to_hashtag_followers!): a public status that is not
/// a reblog goes into the existing home feeds of local accounts following one of its tags, live to those with a
/// stream open. <see cref="TagFollowStore.ListFanOutTargetsAsync"/> leaves out the author and the author's
/// followers, so nobody gets the status (or its <c>update</c> event) twice.
/// </summary>
public sealed class TagFollowerFeeds(TagFollowStore store, FeedManager feeds, StreamPublisher streams)
{
    private const int BatchSize = 1000;

    public async Task DeliverAsync(Status status, StatusPayloads payloads, CancellationToken ct = default)
    {
        if (status.Visibility != StatusVisibility.Public || status.ReblogOfId is not null) return;
        var tagIds = await store.ListStatusTagIdsAsync(status.Id, ct);
        if (tagIds.Count == 0) return;
        var targets = await store.ListFanOutTargetsAsync(tagIds, status.AccountId, ct);
        foreach (var batch in targets.Chunk(BatchSize))
            await streams.PublishToListeningHomesAsync(batch, id => payloads.ForViewerAsync(id, ct),
                alongside: feeds.AddToExistingHomeFeedsAsync(batch, [status.Id]));
    }

    /// <summary>For a deleted status: out of those feeds again (the home timeline skips missing statuses anyway).</summary>
    public async Task RemoveAsync(Status status, CancellationToken ct = default)
    {
        if (status.Visibility != StatusVisibility.Public || status.ReblogOfId is not null) return;
        var tagIds = await store.ListStatusTagIdsAsync(status.Id, ct);
        if (tagIds.Count == 0) return;
        var targets = await store.ListFanOutTargetsAsync(tagIds, status.AccountId, ct);
        foreach (var batch in targets.Chunk(BatchSize)) await feeds.RemoveFromHomeFeedsAsync(batch, status.Id);
    }
}
