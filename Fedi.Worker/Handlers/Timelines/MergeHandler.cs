using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Feeds;
using Fedi.Worker.Engine;

namespace Fedi.Worker.Handlers.Timelines;

/// <summary><see cref="MergeJob"/>: a new follow's statuses into the follower's home.</summary>
public sealed class MergeHandler(MergeService merge) : JobHandler<MergeJob>
{
    public override Task PerformAsync(MergeJob job, CancellationToken ct) => merge.MergeAsync(job.TargetAccountId, job.FollowerAccountId, ct);
}
