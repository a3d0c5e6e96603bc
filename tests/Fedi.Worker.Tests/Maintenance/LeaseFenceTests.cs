using Fedi.Core.Configuration;
using Fedi.Core.Contracts;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Jobs;
using Fedi.Core.Redis;
using Fedi.Testing;
using Fedi.Worker.Tests.Support;

namespace Fedi.Worker.Tests.Maintenance;

/// <summary>Each due maintenance run is enqueued once, and never by a process whose lease another has taken.</summary>
public sealed class LeaseFenceTests() : ClusterFixture(FediTiers.None)
{
    private const string TaskName = "tokens-prune";

    [Test]
    public async Task A_due_run_is_claimed_once_and_not_by_a_leader_that_lost_its_lease()
    {
        await using var redis = await RedisConnection.ConnectAsync(RedisOptions.From(new EnvironmentSettings(Cluster.Environment)), "test");
        var records = new MaintenanceRecords(redis);
        var now = DateTimeOffset.UtcNow;
        var following = now.AddDays(1);
        await records.SetNextAsync(TaskName, now.AddSeconds(-1));
        // A successor holds the lease; the old leader wakes up from a long pause still thinking it leads.
        await Redis.Db.StringSetAsync(MaintenanceKeys.Leader, "successor");

        var byStalled = await ClaimAsync(records, now, "stalled", following);
        var bySuccessor = await ClaimAsync(records, now, "successor", following);
        var again = await ClaimAsync(records, now, "successor", following);

        Assert.That(byStalled, Is.False, "the stalled leader is fenced off");
        Assert.That(bySuccessor, Is.True);
        Assert.That(again, Is.False, "the run was already claimed");
        Assert.That(await Redis.Db.ListLengthAsync(SidekiqKeys.Queue(QueueNames.Scheduler)), Is.EqualTo(1), "one job for the run");
        var next = (await records.ReadAsync(TaskName)).NextAt;
        Assert.That(next, Is.EqualTo(following).Within(TimeSpan.FromMilliseconds(1)));
    }

    private static Task<bool> ClaimAsync(MaintenanceRecords records, DateTimeOffset now, string leader, DateTimeOffset following) =>
        records.ClaimDueAsync(TaskName, now, leader, new MaintenanceJob(TaskName).ToPayload(), () => Task.FromResult(following));
}
