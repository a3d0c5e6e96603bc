using Fedi.Testing;
using Fedi.Worker.Tests.Support;

namespace Fedi.Worker.Tests.Timelines;

/// <summary>
/// An instance with one worker running one job at a time, so that <see cref="SidekiqRedis.DrainAsync"/> proves
/// a job has ended. Rows are written with SQL; jobs pushed as the web tier enqueues them.
/// </summary>
public abstract class TimelineFixture
{
    protected FediCluster Cluster { get; private set; } = null!;
    protected SidekiqRedis Redis { get; private set; } = null!;
    protected TestData Data { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Cluster = await Servers.StartClusterAsync(FediTiers.Worker, new Dictionary<string, string>
        {
            ["WORKER_CONCURRENCY"] = "1",
            ["USER_ACTIVE_DAYS"] = "7",
        });
        Redis = await SidekiqRedis.ConnectAsync(Cluster);
        Data = new TestData(Cluster.DatabaseConnectionString);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await Redis.DisposeAsync();
        await Cluster.DisposeAsync();
    }

    /// <summary>Local accounts that have read their home timeline (so their feed exists) and signed in recently.</summary>
    protected async Task<long> ReaderAsync(int signedInDaysAgo = 0)
    {
        var id = await Data.AccountAsync(signedInDaysAgo);
        await Redis.SeedHomeFeedAsync(id);
        return id;
    }
}
