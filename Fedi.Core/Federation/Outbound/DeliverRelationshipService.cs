using System.Text.Json.Nodes;
using Fedi.Core.Accounts;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Federation.ActivityStreams;
using Fedi.Core.Follows;
using Fedi.Core.Jobs;

namespace Fedi.Core.Federation.Outbound;

/// <summary>
/// Delivers what a local account did to a remote one (<see cref="RelationshipActivityJob"/>) to that account's own
/// inbox, as Mastodon addresses follows, their answers and blocks. A Follow whose request is gone by now (withdrawn,
/// or answered) is not sent; nothing is sent to or from an account that is not (or no longer) remote or local.
/// </summary>
public sealed class DeliverRelationshipService(
    AccountStore accounts, DeliveryInboxStore inboxes, FollowRequestStore requests, LocalUris uris, JobClient jobs)
{
    public async Task DeliverAsync(RelationshipActivityJob job, CancellationToken ct = default)
    {
        if (await accounts.FindAsync(job.AccountId, ct) is not { Domain: null } local) return;
        if (await accounts.FindAsync(job.TargetAccountId, ct) is not { Domain: not null } remote) return;
        if (await inboxes.FindInboxAsync(remote.Id, ct) is not { } inbox) return;
        var actor = uris.Actor(local.Username);
        JsonObject? activity = job.Activity switch
        {
            RelationshipActivityJob.Follow => await requests.FindAsync(local.Id, remote.Id, ct) is { } request
                ? RelationshipDocument.Follow(actor, remote.Uri, RelationshipDocument.FollowId(actor, request.Id))
                : null,
            RelationshipActivityJob.UndoFollow => RelationshipDocument.UndoFollow(actor, remote.Uri),
            RelationshipActivityJob.Accept or RelationshipActivityJob.Reject => RelationshipDocument.Answer(job.Activity, actor, remote.Uri, job.ObjectUri),
            RelationshipActivityJob.Block => RelationshipDocument.Block(actor, remote.Uri),
            RelationshipActivityJob.UndoBlock => RelationshipDocument.UndoBlock(actor, remote.Uri),
            _ => null,
        };
        if (activity is null) return;
        await jobs.EnqueueAsync(new DeliveryJob(activity.ToJsonString(), local.Id, inbox));
    }
}
