using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Federation.Outbound;
using Fedi.Worker.Engine;

namespace Fedi.Worker.Handlers.Federation;

/// <summary><see cref="ActivityPubDistributionJob"/>: a local status's activity, expanded into one delivery per remote inbox.</summary>
public sealed class ActivityPubDistributionHandler(DistributeStatusService distribute) : JobHandler<ActivityPubDistributionJob>
{
    public override Task PerformAsync(ActivityPubDistributionJob job, CancellationToken ct) => distribute.DistributeAsync(job.StatusId, job.Activity, ct);
}
