using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Timelines;
using Fedi.Worker.Engine;

namespace Fedi.Worker.Handlers.Timelines;

/// <summary><see cref="RemovalJob"/>: takes a deleted status out of feeds and streams.</summary>
public sealed class RemovalHandler(RemoveStatusService removal) : JobHandler<RemovalJob>
{
    public override Task PerformAsync(RemovalJob job, CancellationToken ct) => removal.RemoveAsync(job.StatusId, ct);
}
