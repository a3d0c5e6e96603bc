using Fedi.Core.Configuration;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Jobs;
using Fedi.Core.Redis;
using Fedi.Worker.Tests.Support;

namespace Fedi.Worker.Tests.Engine;

/// <summary>Unique until executed: a duplicate of a job still enqueued or running is not enqueued.</summary>
public sealed class UniqueJobTests : ClusterFixture
{
    [Test]
    public async Task A_duplicate_is_refused_while_the_first_is_pending_and_accepted_once_it_has_run()
    {
        await using var redis = await RedisConnection.ConnectAsync(RedisOptions.From(new EnvironmentSettings(Cluster.Environment)), "test");
        var client = new JobClient(redis);
        var key = SidekiqRedis.NewKey("unique");

        var first = await client.EnqueueUniqueAsync(new TestJob(key, "sleep:1500", "first"), TimeSpan.FromMinutes(5));
        var duplicate = await client.EnqueueUniqueAsync(new TestJob(key, "sleep:1500", "first"), TimeSpan.FromMinutes(5));
        var other = await client.EnqueueUniqueAsync(new TestJob(key, "sleep:1500", "other"), TimeSpan.FromMinutes(5));

        Assert.That(first, Is.Not.Null);
        Assert.That(duplicate, Is.Null, "same class and args: refused");
        Assert.That(other, Is.Not.Null, "other args: a different job");
        await Eventually.TrueAsync(async () => (await Redis.RunsAsync(key)).Count == 2, "both ran");
        // The lock goes with the end of the run (right after its record), then the same job is welcome again.
        await Eventually.TrueAsync(async () => await client.EnqueueUniqueAsync(
            new TestJob(key, "sleep:1500", "first"), TimeSpan.FromMinutes(5)) is not null, "the lock was released");
        await Eventually.TrueAsync(async () => (await Redis.RunsAsync(key)).Count == 3, "the second one ran");
    }
}
