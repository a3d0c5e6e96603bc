using Fedi.Core.Contracts;
using Fedi.Core.Feeds;
using Fedi.Core.Follows;
using Fedi.Core.Media;
using Fedi.Core.Redis;
using Fedi.Core.Statuses;
using Fedi.Core.Streams;

namespace Fedi.Core.Timelines;

/// <summary>
/// The feed and stream side of Mastodon's RemoveStatusService, for a status the web tier has already
/// soft-deleted: out of the author's, active followers' and mentioned accounts' home feeds, a <c>delete</c>
/// to those with a stream open, and to the public channels when it was public. Same lock as fan-out.
/// </summary>
public sealed class RemoveStatusService(
    StatusStore statuses,
    FollowerStore followers,
    FeedManager feeds,
    StreamPublisher streams,
    RedisLock locks,
    ChannelFanOut channels,
    ReblogFeeds reblogFeeds,
    MediaAttachmentStore media)
{
    /// <summary>Does nothing for a status that does not exist or is not deleted (a stray job must not hide a live post).</summary>
    public async Task RemoveAsync(long statusId, CancellationToken ct = default)
    {
        await using var held = await locks.AcquireAsync(FanOutOnWriteService.LockKey(statusId), ct);
        var status = await statuses.FindIncludingDeletedAsync(statusId, ct);
        if (status is null || status.DeletedAt is null) return;

        var mentioned = (await statuses.ListMentionedAccountIdsAsync([status.Id], ct))[status.Id].ToHashSet();
        var done = new HashSet<long>(mentioned) { status.AccountId };
        await UnpushAsync(done, status);

        if (status.Visibility != StatusVisibility.Direct)
        {
            await foreach (var batch in followers.ListActiveLocalFollowerBatchesAsync(
                               status.AccountId, null, null, FanOutOnWriteService.BatchSize, ct))
                await UnpushAsync(batch.Where(id => !done.Contains(id)).ToList(), status);
        }

        if (status.Visibility == StatusVisibility.Public)
            await streams.PublishPublicAsync(status.Local, StreamMessage.EncodeDelete(status.Id), await media.AnyForStatusAsync(status.Id, ct));
        await channels.RemoveAsync(status, ct);
    }

    private Task UnpushAsync(IReadOnlyCollection<long> accountIds, Status status) => accountIds.Count == 0
        ? Task.CompletedTask
        : streams.PublishToListeningHomesAsync(accountIds, StreamMessage.EncodeDelete(status.Id),
            alongside: status.ReblogOfId is { } originalId
                ? reblogFeeds.RemoveFromHomeFeedsAsync(accountIds, status.Id, originalId)
                : feeds.RemoveFromHomeFeedsAsync(accountIds, status.Id));
}
