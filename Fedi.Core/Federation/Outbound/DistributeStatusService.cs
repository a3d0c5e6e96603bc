using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Federation.ActivityStreams;
using Fedi.Core.Federation.Documents;
using Fedi.Core.Statuses;

namespace Fedi.Core.Federation.Outbound;

/// <summary>
/// Sends a local status's Create, Update or Delete to the remote inboxes it reaches (Mastodon's
/// ActivityPub::DistributionWorker, StatusUpdateDistributionWorker and RemoveStatusService's delete): followers'
/// inboxes unless it is direct, the mentioned accounts always, the replied-to account unless it is direct. The activity
/// is rendered once and the inboxes come from one query. A reblog goes as an Announce (<see cref="DistributeReblogService"/>);
/// remote statuses are not ours to send.
/// </summary>
public sealed class DistributeStatusService(StatusStore statuses, NoteSources sources, NoteDocument notes, DeliveryInboxStore inboxes, ActivityDelivery delivery,
    DistributeReblogService reblogs)
{
    public async Task DistributeAsync(long statusId, string activity, CancellationToken ct = default)
    {
        var status = activity == ActivityPubDistributionJob.Delete
            ? await statuses.FindIncludingDeletedAsync(statusId, ct)
            : await statuses.FindAsync(statusId, ct);
        if (status is not { Local: true }) return;
        if (status.ReblogOfId is not null)
        {
            await reblogs.DistributeAsync(status, activity, ct);
            return;
        }
        if (await sources.LoadAsync(status, ct) is not { } source) return;

        var direct = status.Visibility == StatusVisibility.Direct;
        var targets = await inboxes.ListForStatusAsync(status.AccountId, status.Id, followers: !direct, direct ? null : status.InReplyToAccountId, ct);
        if (targets.Count == 0) return;
        var json = activity switch
        {
            ActivityPubDistributionJob.Update => notes.RenderUpdate(source),
            ActivityPubDistributionJob.Delete => notes.RenderDelete(source),
            _ => notes.RenderCreate(source),
        };
        await delivery.DeliverAsync(json.ToJsonString(), status.AccountId, targets, ct);
    }
}
