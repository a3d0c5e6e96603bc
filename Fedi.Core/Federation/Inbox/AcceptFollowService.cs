using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Federation.Outbound;

namespace Fedi.Core.Federation.Inbox;

/// <summary>Answers a remote Follow with Accept{Follow} to the follower's inbox, as a signed delivery job.</summary>
public sealed class AcceptFollowService(DeliverRelationshipService deliver)
{
    public Task AcceptAsync(InboxActivity follow, long localAccountId, CancellationToken ct = default) =>
        deliver.DeliverAsync(new RelationshipActivityJob(RelationshipActivityJob.Accept, localAccountId, follow.ActorId, follow.Id), ct);
}
