using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Timelines;
using Fedi.Worker.Engine;

namespace Fedi.Worker.Handlers.Timelines;

/// <summary><see cref="DistributionJob"/>: fans a new status out to feeds and streams.</summary>
public sealed class DistributionHandler(FanOutOnWriteService fanOut) : JobHandler<DistributionJob>
{
    public override Task PerformAsync(DistributionJob job, CancellationToken ct) => fanOut.FanOutAsync(job.StatusId, ct, job.Update);
}
