using Fedi.Core.Polls;

namespace Fedi.Core.Notifications;

/// <summary>
/// Mastodon's PollExpirationNotifyWorker: when a poll has ended, each local voter and the author get a <c>poll</c>
/// notification from the author (the one notification a user receives from themself). Safe to run twice: the
/// one-per-event rule drops repeats.
/// </summary>
public sealed class PollNotifications(PollStore polls, PollVoteStore votes, NotifyService notify, TimeProvider time)
{
    public async Task NotifyExpiredAsync(long pollId, CancellationToken ct = default)
    {
        if (await polls.FindAsync(pollId, ct) is not { } poll || !poll.ExpiredAt(time.GetUtcNow().UtcDateTime)) return;
        foreach (var voterId in await votes.ListVoterIdsAsync(poll.Id, ct))
            await notify.NotifyAsync(NotificationType.Poll, voterId, poll.AccountId, poll.StatusId, ct);
        await notify.NotifyAsync(NotificationType.Poll, poll.AccountId, poll.AccountId, poll.StatusId, ct);
    }
}
