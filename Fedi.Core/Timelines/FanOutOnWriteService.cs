using Fedi.Core.Accounts;
using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Contracts;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Feeds;
using Fedi.Core.Follows;
using Fedi.Core.Jobs;
using Fedi.Core.Media;
using Fedi.Core.Notifications;
using Fedi.Core.Redis;
using Fedi.Core.Statuses;
using Fedi.Core.Streams;

namespace Fedi.Core.Timelines;

/// <summary>
/// Mastodon's FanOutOnWriteService for a new status: into the author's home feed, the home feeds of active
/// local followers (direct: only mentioned followers), live to those of them with a stream open, and — when
/// public and not a reply to someone else — onto the public channels. The distribution runs under
/// <c>lock:distribute:&lt;id&gt;</c>, the lock removal takes too, so a delete can never interleave with it.
/// Up to <see cref="RangeSize"/> followers are served inline; beyond that every keyset range of followers
/// becomes its own <see cref="FeedInsertBatchJob"/> job, so a failure retries one range, not all of them.
/// </summary>
public sealed class FanOutOnWriteService(
    StatusStore statuses,
    AccountStore accounts,
    FollowerStore followers,
    FeedManager feeds,
    StreamPublisher streams,
    StatusRenderer renderer,
    RedisLock locks,
    JobClient jobs,
    ChannelFanOut channels,
    ReblogFeeds reblogFeeds,
    StatusNotifications notifications,
    MediaAttachmentStore media)
{
    /// <summary>Followers per PostgreSQL read and per Redis round trip (Mastodon's find_in_batches size).</summary>
    public const int BatchSize = 1000;

    /// <summary>Most followers one <see cref="FeedInsertBatchJob"/> job covers.</summary>
    public const int RangeSize = 5000;

    public static string LockKey(long statusId) => RedisKeys.Lock($"distribute:{statusId}");

    /// <summary>
    /// Does nothing when the status is gone (deleted before its fan-out ran) or its author suspended. With
    /// <paramref name="update"/> (an edit, Mastodon's update: true) the same audience gets <c>status.update</c>.
    /// </summary>
    public async Task FanOutAsync(long statusId, CancellationToken ct = default, bool update = false)
    {
        await using var held = await locks.AcquireAsync(LockKey(statusId), ct);
        if (await AudienceAsync(statusId, ct, update ? StreamEvents.StatusUpdate : StreamEvents.Update) is not { } audience) return;
        var (status, author, payloads) = (audience.Status, audience.Author, audience.Payloads);
        if (author.IsLocal) await DeliverAsync([author.Id], status, payloads, ct);

        if (audience.ReachesFollowers)
        {
            var ranges = new List<(long After, long UpTo)>();
            IReadOnlyList<long>? first = null;
            await foreach (var range in followers.ListActiveLocalFollowerBatchesAsync(
                               author.Id, audience.OnlyMentioned, audience.ReplyTo, RangeSize, ct, reblogOfAuthorId: audience.ReblogOfAuthor))
            {
                first ??= range;
                ranges.Add((ranges.Count == 0 ? 0 : ranges[^1].UpTo, range[^1]));
            }
            if (ranges.Count == 1)
                foreach (var batch in first!.Chunk(BatchSize)) await DeliverAsync(batch, status, payloads, ct);
            else if (ranges.Count > 1)
                await jobs.EnqueueManyAsync(ranges.Select(r => new FeedInsertBatchJob(status.Id, r.After, r.UpTo)));
        }

        if (status.IsBroadcast)
            await streams.PublishPublicAsync(status.Local, await payloads.AnonymousAsync(ct), await media.AnyForStatusAsync(status.Id, ct));
        await channels.FanOutAsync(status, payloads, ct, update);
        await notifications.NotifyAsync(status, ct, mentionsOnly: update);
    }

    /// <summary>
    /// One range of followers (ids in (<paramref name="after"/>, <paramref name="upTo"/>]). Takes no lock, so that
    /// the ranges of one status run in parallel; as Mastodon's FeedInsertWorker it re-checks that the status
    /// still exists. A delete landing between that check and the insert can leave the id in some feeds; the home
    /// timeline drops ids it cannot load (deleted statuses), so no one sees it.
    /// </summary>
    public async Task FanOutRangeAsync(long statusId, long after, long upTo, CancellationToken ct = default)
    {
        if (await AudienceAsync(statusId, ct) is not { ReachesFollowers: true } audience) return;
        await foreach (var batch in followers.ListActiveLocalFollowerBatchesAsync(
                           audience.Author.Id, audience.OnlyMentioned, audience.ReplyTo, BatchSize, ct, after, upTo, audience.ReblogOfAuthor))
            await DeliverAsync(batch, audience.Status, audience.Payloads, ct);
    }

    private sealed record Audience(Status Status, Account Author, StatusPayloads Payloads,
        IReadOnlyCollection<long>? OnlyMentioned, long? ReplyTo, bool ReachesFollowers, long? ReblogOfAuthor);

    /// <summary>Who the status goes to; null when it goes nowhere.</summary>
    private async Task<Audience?> AudienceAsync(long statusId, CancellationToken ct, string eventName = StreamEvents.Update)
    {
        var status = await statuses.FindAsync(statusId, ct);
        if (status is null) return null;
        var author = await accounts.FindAsync(status.AccountId, ct);
        if (author is null || author.SuspendedAt is not null) return null;
        long? reblogOfAuthor = null;
        if (status.ReblogOfId is { } originalId)
        {
            if (await statuses.FindAsync(originalId, ct) is not { } original) return null; // the original went first
            reblogOfAuthor = original.AccountId;
        }

        IReadOnlyCollection<long>? onlyMentioned = null;
        if (status.Visibility == StatusVisibility.Direct)
        {
            onlyMentioned = (await statuses.ListMentionedAccountIdsAsync([status.Id], ct))[status.Id].ToList();
            if (onlyMentioned.Count == 0) onlyMentioned = null;
        }
        var reaches = status.Visibility != StatusVisibility.Direct || onlyMentioned is not null;
        var replyTo = status.InReplyToAccountId is { } to && to != status.AccountId ? to : (long?)null;
        return new Audience(status, author, new StatusPayloads(renderer, status, eventName), onlyMentioned, replyTo, reaches, reblogOfAuthor);
    }

    /// <summary>
    /// One batch: feeds and the listener check in parallel (pipelined), then the pushes. A reblog goes only to the
    /// feeds that took it (<see cref="ReblogFeeds"/> leaves out one already showing the original near the top).
    /// </summary>
    private async Task DeliverAsync(IReadOnlyList<long> accountIds, Status status, StatusPayloads payloads, CancellationToken ct)
    {
        if (status.ReblogOfId is not { } originalId)
        {
            await streams.PublishToListeningHomesAsync(accountIds, id => payloads.ForViewerAsync(id, ct),
                alongside: feeds.AddToExistingHomeFeedsAsync(accountIds, [status.Id]));
            return;
        }
        var took = await reblogFeeds.AddToExistingHomeFeedsAsync(accountIds, status.Id, originalId);
        if (took.Count > 0) await streams.PublishToListeningHomesAsync(took, id => payloads.ForViewerAsync(id, ct));
    }
}
