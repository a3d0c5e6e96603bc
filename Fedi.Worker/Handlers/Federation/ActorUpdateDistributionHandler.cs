using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Federation.Outbound;
using Fedi.Worker.Engine;

namespace Fedi.Worker.Handlers.Federation;

/// <summary><see cref="ActorUpdateDistributionJob"/>: a changed profile, sent to the remote followers' inboxes.</summary>
public sealed class ActorUpdateDistributionHandler(DistributeActorUpdateService distribute) : JobHandler<ActorUpdateDistributionJob>
{
    public override Task PerformAsync(ActorUpdateDistributionJob job, CancellationToken ct) => distribute.DistributeAsync(job.AccountId, ct);
}
