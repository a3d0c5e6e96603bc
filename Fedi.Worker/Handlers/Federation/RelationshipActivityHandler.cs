using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Federation.Outbound;
using Fedi.Worker.Engine;

namespace Fedi.Worker.Handlers.Federation;

/// <summary><see cref="RelationshipActivityJob"/>: a follow, its answer or a block, delivered to the remote account's inbox.</summary>
public sealed class RelationshipActivityHandler(DeliverRelationshipService deliver) : JobHandler<RelationshipActivityJob>
{
    public override Task PerformAsync(RelationshipActivityJob job, CancellationToken ct) => deliver.DeliverAsync(job, ct);
}
