using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Feeds;
using Fedi.Worker.Engine;

namespace Fedi.Worker.Handlers.Diagnostics;

/// <summary>
/// <see cref="BenchFeedInsertJob"/>: a home-feed insert as the fan-out's merge and rebuild do it
/// (<see cref="FeedManager.AddToFeedAsync"/>: ZADD id with score id, then trim to the newest 800, pipelined), the
/// same Redis work as its Sidekiq twin in <c>tests/interop/bench_workers.rb</c>. The key must start with
/// "diagnostics:". Registered only with FEDI_ENABLE_DIAGNOSTIC_JOBS=true.
/// </summary>
public sealed class BenchFeedInsertHandler(FeedManager feeds) : JobHandler<BenchFeedInsertJob>
{
    public override async Task PerformAsync(BenchFeedInsertJob job, CancellationToken ct)
    {
        if (!job.Key.StartsWith(TestJobHandler.KeyPrefix, StringComparison.Ordinal))
            throw new PermanentJobException($"key must start with '{TestJobHandler.KeyPrefix}'");
        await feeds.AddToFeedAsync(job.Key, [job.Id]);
    }
}
