using Fedi.Core.Contracts;
using Fedi.Core.Feeds;
using Fedi.Core.Lists;
using Fedi.Core.Redis;
using Fedi.Core.Statuses;
using Fedi.Core.Streams;

namespace Fedi.Core.Timelines;

/// <summary>
/// The list side of fan-out and removal (Mastodon's FeedManager push_to_list / unpush_from_list). A status goes
/// into the list feeds that EXIST, as home feeds: a missing feed is rebuilt from PostgreSQL on its next read
/// (<see cref="ListTimelineService"/>), and a membership change drops the feed so that read rebuilds it.
/// Owners with the list's stream open get the <c>update</c> on <c>timeline:list:&lt;id&gt;</c>.
/// </summary>
public sealed class ListFeeds(ListFeedStore store, FeedManager feeds, RedisConnection redis, StreamPublisher streams)
{
    /// <summary>Direct statuses never reach lists (Mastodon delivers them to mentioned followers' homes only).</summary>
    public async Task DeliverAsync(Status status, StatusPayloads payloads, CancellationToken ct = default)
    {
        if (status.Visibility == StatusVisibility.Direct) return;
        var lists = await store.ListForDistributionAsync(status, ct);
        if (lists.Count == 0) return;
        await streams.PublishToListeningListsAsync(lists, ownerId => payloads.ForViewerAsync(ownerId, ct),
            alongside: feeds.AddToExistingFeedsAsync(lists.Select(l => RedisKeys.ListFeed(l.ListId)).ToList(), [status.Id]));
    }

    /// <summary>Out of every list holding the author, with a <c>delete</c> on each list's channel (no listener check, as Mastodon).</summary>
    public async Task RemoveAsync(Status status, CancellationToken ct = default)
    {
        var lists = await store.ListContainingAsync(status.AccountId, ct);
        if (lists.Count == 0) return;
        var message = StreamMessage.EncodeDelete(status.Id);
        var batch = redis.Database.CreateBatch();
        var pending = lists.Select(l => (Task)batch.SortedSetRemoveAsync(RedisKeys.ListFeed(l.ListId), status.Id)).ToList();
        batch.Execute();
        pending.Add(streams.PublishToListsAsync(lists.Select(l => l.ListId), message));
        await Task.WhenAll(pending);
    }
}
