using Fedi.Core.Follows;
using Fedi.Core.Statuses;

namespace Fedi.Core.Notifications;

/// <summary>
/// The notifications a new status causes, run by its fan-out: <c>mention</c> to each mentioned account
/// (Mastodon's FanOutOnWriteService#notify_mentioned_accounts) and <c>status</c> to followers who ring the bell
/// for its author (FeedInsertWorker: not for reblogs, direct statuses or replies to someone else). After an edit only
/// the mentions: those notified before are not notified again (one notification per event), a newly mentioned account is.
/// </summary>
public sealed class StatusNotifications(StatusStore statuses, FollowStore follows, NotifyService notify)
{
    public async Task NotifyAsync(Status status, CancellationToken ct = default, bool mentionsOnly = false)
    {
        var mentioned = (await statuses.ListMentionedAccountIdsAsync([status.Id], ct))[status.Id].ToHashSet();
        foreach (var accountId in mentioned)
            await notify.NotifyAsync(NotificationType.Mention, accountId, status.AccountId, status.Id, ct);

        if (mentionsOnly) return;
        var replyToOther = status.Reply && status.InReplyToAccountId != status.AccountId;
        if (status.ReblogOfId is not null || status.Visibility == StatusVisibility.Direct || replyToOther) return;
        foreach (var followerId in await follows.ListNotifyingFollowerIdsAsync(status.AccountId, ct))
            if (!mentioned.Contains(followerId))
                await notify.NotifyAsync(NotificationType.Status, followerId, status.AccountId, status.Id, ct);
    }
}
