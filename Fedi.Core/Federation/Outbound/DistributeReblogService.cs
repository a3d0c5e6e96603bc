using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Federation.ActivityStreams;
using Fedi.Core.Federation.Documents;
using Fedi.Core.Statuses;

namespace Fedi.Core.Federation.Outbound;

/// <summary>
/// Sends a local reblog as an Announce, and its removal as an Undo of it, to the booster's remote followers and to the
/// original's author when that account is remote (Mastodon's DistributionWorker on a reblog, and UnreblogService).
/// A reblog of a status that is gone, or that only its author could see, reaches no one.
/// </summary>
public sealed class DistributeReblogService(StatusStore statuses, NoteSources sources, AnnounceDocument announces, LocalUris uris,
    DeliveryInboxStore inboxes, ActivityDelivery delivery)
{
    public async Task DistributeAsync(Status reblog, string activity, CancellationToken ct = default)
    {
        if (activity == ActivityPubDistributionJob.Update || reblog.ReblogOfId is not { } originalId) return;
        if (await statuses.FindIncludingDeletedAsync(originalId, ct) is not { Visibility: not StatusVisibility.Direct } original) return;
        if (await sources.LoadAsync(reblog, ct) is not { } boosted || await sources.LoadAsync(original, ct) is not { } source) return;

        var author = source.Author;
        var originalUri = original.Uri ?? uris.Status(author.Username, original.Id);
        var authorUri = author.Domain is null ? uris.Actor(author.Username) : author.Uri;
        var targets = await inboxes.ListForStatusAsync(reblog.AccountId, reblog.Id, followers: true, original.AccountId, ct);
        if (targets.Count == 0) return;
        var json = activity == ActivityPubDistributionJob.Delete
            ? announces.RenderUndo(reblog, boosted.Author, originalUri, authorUri)
            : announces.Render(reblog, boosted.Author, originalUri, authorUri);
        await delivery.DeliverAsync(json.ToJsonString(), reblog.AccountId, targets, ct);
    }
}
