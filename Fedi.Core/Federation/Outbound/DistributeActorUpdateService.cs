using Fedi.Core.Federation.ActivityStreams;
using Fedi.Core.Federation.Documents;
using Fedi.Core.Accounts;

namespace Fedi.Core.Federation.Outbound;

/// <summary>Sends a local account's changed profile as an Update of its actor to its remote followers' inboxes
/// (Mastodon's ActivityPub::UpdateDistributionWorker), one delivery per shared inbox.</summary>
public sealed class DistributeActorUpdateService(
    AccountStore accounts, LocalActorService actors, DeliveryInboxStore inboxes, ActivityDelivery delivery, TimeProvider clock)
{
    public async Task DistributeAsync(long accountId, CancellationToken ct = default)
    {
        if (await accounts.FindAsync(accountId, ct) is not { Domain: null } account) return;
        var targets = await inboxes.ListFollowersAsync(account.Id, ct);
        if (targets.Count == 0 || await actors.RenderAsync(account.Username, ct) is not { } document) return;
        var update = RelationshipDocument.UpdateActor(document, clock.GetUtcNow());
        await delivery.DeliverAsync(update.ToJsonString(), account.Id, targets, ct);
    }
}
