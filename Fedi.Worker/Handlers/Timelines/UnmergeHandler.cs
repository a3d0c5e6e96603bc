using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Feeds;
using Fedi.Worker.Engine;

namespace Fedi.Worker.Handlers.Timelines;

/// <summary><see cref="UnmergeJob"/>: an unfollowed account's statuses out of the follower's home.</summary>
public sealed class UnmergeHandler(UnmergeService unmerge) : JobHandler<UnmergeJob>
{
    public override Task PerformAsync(UnmergeJob job, CancellationToken ct) => unmerge.UnmergeAsync(job.TargetAccountId, job.FollowerAccountId, ct);
}
