using Fedi.Core.Accounts;
using Fedi.Core.ClientApi;
using Fedi.Core.Contracts;
using Fedi.Core.Follows;
using Fedi.Core.Redis;
using Fedi.Core.Statuses;

namespace Fedi.Core.Timelines;

/// <summary>
/// Mastodon's FanOutOnWriteService for a new status: into the author's home feed, the home feeds of active
/// local followers (direct: only mentioned followers), live to those of them with a stream open, and — when
/// public and not a reply to someone else — onto the public channels. Runs under <c>lock:distribute:&lt;id&gt;</c>,
/// the lock removal takes too, so a delete can never interleave with its fan-out.
/// </summary>
public sealed class FanOutOnWriteService(
    StatusStore statuses,
    AccountStore accounts,
    FollowerStore followers,
    FeedManager feeds,
    TimelineStreams streams,
    StatusRenderer renderer,
    RedisLock locks,
    ChannelFanOut channels)
{
    /// <summary>Followers per PostgreSQL read and per Redis round trip (Mastodon's find_in_batches size).</summary>
    public const int BatchSize = 1000;

    public static string LockKey(long statusId) => RedisKeys.Lock($"distribute:{statusId}");

    /// <summary>Does nothing when the status is gone (deleted before its fan-out ran) or its author suspended.</summary>
    public async Task FanOutAsync(long statusId, CancellationToken ct = default)
    {
        await using var held = await locks.AcquireAsync(LockKey(statusId), ct);
        var status = await statuses.FindAsync(statusId, ct);
        if (status is null) return;
        var author = await accounts.FindAsync(status.AccountId, ct);
        if (author is null || author.SuspendedAt is not null) return;

        var payloads = new StatusPayloads(renderer, status);
        if (author.IsLocal) await DeliverAsync([author.Id], status.Id, payloads, ct);

        IReadOnlyCollection<long>? onlyMentioned = null;
        if (status.Visibility == StatusVisibility.Direct)
        {
            onlyMentioned = (await statuses.ListMentionedAccountIdsAsync([status.Id], ct))[status.Id].ToList();
            if (onlyMentioned.Count == 0) onlyMentioned = null;
        }
        if (status.Visibility != StatusVisibility.Direct || onlyMentioned is not null)
        {
            var replyTo = status.InReplyToAccountId is { } to && to != status.AccountId ? to : (long?)null;
            await foreach (var batch in followers.ListActiveLocalFollowerBatchesAsync(
                               author.Id, onlyMentioned, replyTo, BatchSize, ct))
                await DeliverAsync(batch, status.Id, payloads, ct);
        }

        if (status.IsBroadcast)
        {
            await streams.PublishPublicAsync(status.Local, await payloads.AnonymousAsync(ct));
        }
        await channels.FanOutAsync(status, payloads, ct);
    }

    /// <summary>One batch: feeds and the listener check in parallel (pipelined), then the pushes.</summary>
    private async Task DeliverAsync(IReadOnlyList<long> accountIds, long statusId, StatusPayloads payloads, CancellationToken ct)
    {
        var added = feeds.AddToExistingHomeFeedsAsync(accountIds, [statusId]);
        var listening = streams.ListListeningAsync(accountIds);
        await Task.WhenAll(added, listening);
        var recipients = listening.Result;
        if (recipients.Count == 0) return;
        var messages = new Dictionary<long, string>();
        foreach (var id in recipients) messages[id] = await payloads.ForViewerAsync(id, ct);
        await streams.PublishHomeAsync(recipients, id => messages[id]);
    }
}
