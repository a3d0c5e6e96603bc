using Fedi.Testing;
using Fedi.Worker.Tests.Support;

namespace Fedi.Worker.Tests.Timelines;

/// <summary>
/// An instance with one worker running one job at a time, so that <see cref="SidekiqRedis.DrainAsync"/> proves
/// a job has ended. Rows are written with SQL; jobs pushed as the web tier enqueues them.
/// </summary>
public abstract class TimelineFixture() : ClusterFixture(FediTiers.Worker, new Dictionary<string, string>
{
    ["WORKER_CONCURRENCY"] = "1",
    ["USER_ACTIVE_DAYS"] = "7",
})
{
    /// <summary>Local accounts that have read their home timeline (so their feed exists) and signed in recently.</summary>
    protected async Task<long> ReaderAsync(int signedInDaysAgo = 0)
    {
        var id = await Data.AccountAsync(signedInDaysAgo);
        await Redis.SeedHomeFeedAsync(id);
        return id;
    }
}
