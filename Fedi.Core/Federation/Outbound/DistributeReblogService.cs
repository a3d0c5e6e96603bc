using Fedi.Core.Accounts;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Federation.ActivityStreams;
using Fedi.Core.Statuses;

namespace Fedi.Core.Federation.Outbound;

/// <summary>
/// Sends a local reblog as an Announce, and its removal as an Undo of it, to the booster's remote followers and to the
/// original's author when that account is remote (Mastodon's DistributionWorker on a reblog, and UnreblogService).
/// A reblog of a status that is gone, or that only its author could see, reaches no one.
/// </summary>
public sealed class DistributeReblogService(StatusStore statuses, AccountStore accounts, AnnounceDocument announces, LocalUris uris,
    DeliveryInboxStore inboxes, ActivityDelivery delivery)
{
    public async Task DistributeAsync(Status reblog, string activity, CancellationToken ct = default)
    {
        if (activity == ActivityPubDistributionJob.Update || reblog.ReblogOfId is not { } originalId) return;
        if (await statuses.FindIncludingDeletedAsync(originalId, ct) is not { Visibility: not StatusVisibility.Direct } original) return;
        var byId = (await accounts.ListAsync([reblog.AccountId, original.AccountId], ct)).ToDictionary(a => a.Id);
        if (!byId.TryGetValue(reblog.AccountId, out var booster) || !byId.TryGetValue(original.AccountId, out var author)) return;

        var originalUri = original.Uri ?? uris.Status(author.Username, original.Id);
        var authorUri = author.Domain is null ? uris.Actor(author.Username) : author.Uri;
        var targets = await inboxes.ListForStatusAsync(reblog.AccountId, reblog.Id, followers: true, original.AccountId, ct);
        if (targets.Count == 0) return;
        var json = activity == ActivityPubDistributionJob.Delete
            ? announces.RenderUndo(reblog, booster, originalUri, authorUri)
            : announces.Render(reblog, booster, originalUri, authorUri);
        await delivery.DeliverAsync(json.ToJsonString(), reblog.AccountId, targets, ct);
    }
}
