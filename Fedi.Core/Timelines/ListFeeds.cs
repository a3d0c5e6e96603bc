using Fedi.Core.Contracts;
using Fedi.Core.Feeds;
using Fedi.Core.Lists;
using Fedi.Core.Redis;
using Fedi.Core.Statuses;
using Fedi.Core.Timelines;

namespace Fedi.Core.Timelines;

/// <summary>
/// The list side of fan-out and removal (Mastodon's FeedManager push_to_list / unpush_from_list). A status goes
/// into the list feeds that EXIST, as home feeds: a missing feed is rebuilt from PostgreSQL on its next read
/// (<see cref="ListTimelineService"/>), and a membership change drops the feed so that read rebuilds it.
/// Owners with the list's stream open get the <c>update</c> on <c>timeline:list:&lt;id&gt;</c>.
/// </summary>
public sealed class ListFeeds(ListFeedStore store, FeedManager feeds, RedisConnection redis)
{
    /// <summary>Direct statuses never reach lists (Mastodon delivers them to mentioned followers' homes only).</summary>
    public async Task DeliverAsync(Status status, StatusPayloads payloads, CancellationToken ct = default)
    {
        if (status.Visibility == StatusVisibility.Direct) return;
        var lists = await store.ListForDistributionAsync(status, ct);
        if (lists.Count == 0) return;
        var added = feeds.AddToExistingFeedsAsync(lists.Select(l => RedisKeys.ListFeed(l.ListId)).ToList(), [status.Id]);
        var listening = ListListeningAsync(lists);
        await Task.WhenAll(added, listening);
        foreach (var (listId, ownerId) in listening.Result)
            await redis.PublishAsync(RedisChannels.List(listId), await payloads.ForViewerAsync(ownerId, ct));
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
        pending.AddRange(lists.Select(l => redis.PublishAsync(RedisChannels.List(l.ListId), message)));
        await Task.WhenAll(pending);
    }

    private async Task<IReadOnlyList<(long ListId, long OwnerId)>> ListListeningAsync(IReadOnlyList<(long ListId, long OwnerId)> lists)
    {
        var batch = redis.Database.CreateBatch();
        var checks = lists.Select(l => (l, batch.KeyExistsAsync(RedisKeys.Subscribed(RedisChannels.List(l.ListId))))).ToList();
        batch.Execute();
        var listening = new List<(long, long)>();
        foreach (var (list, exists) in checks)
            if (await exists) listening.Add(list);
        return listening;
    }
}
