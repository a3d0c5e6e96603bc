using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Timelines;
using Fedi.Worker.Engine;

namespace Fedi.Worker.Handlers.Timelines;

/// <summary><see cref="FeedInsertBatchJob"/>: one range of a large fan-out.</summary>
public sealed class FeedInsertBatchHandler(FanOutOnWriteService fanOut) : JobHandler<FeedInsertBatchJob>
{
    public override Task PerformAsync(FeedInsertBatchJob job, CancellationToken ct) =>
        fanOut.FanOutRangeAsync(job.StatusId, job.AfterFollowerId, job.UpToFollowerId, ct);
}
