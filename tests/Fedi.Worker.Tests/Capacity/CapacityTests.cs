using System.Text.Json.Nodes;
using Fedi.Testing;
using Fedi.Worker.Tests.Support;

namespace Fedi.Worker.Tests.Capacity;

/// <summary>A worker states its PostgreSQL budget and warns when the workers' pools exceed max_connections.</summary>
public sealed class CapacityTests() : ClusterFixture(FediTiers.None)
{
    [Test]
    public async Task A_worker_whose_pool_exceeds_max_connections_warns_with_both_numbers()
    {
        var worker = await Cluster.StartWorkerAsync(new Dictionary<string, string> { ["DB_POOL"] = "1000", ["WORKER_QUEUES"] = RandomNames.Unique("q") });

        var warning = await worker.WaitForOutputAsync(l => l.Contains("PostgreSQL capacity", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.That(warning, Does.Contain("1000").And.Contain("max_connections 500"));
        var identity = (await Redis.Db.SetMembersAsync("processes")).Select(v => (string)v!).Single(v => v.Contains($":{worker.Id}:", StringComparison.Ordinal));
        var info = JsonNode.Parse((string)(await Redis.Db.HashGetAsync(identity, "info"))!)!;
        Assert.That(info["db_pool"]!.GetValue<int>(), Is.EqualTo(1000));
        await worker.StopAsync(TimeSpan.FromSeconds(20)); // its heartbeat would count in the other test's sum
    }

    [Test]
    public async Task A_worker_within_max_connections_states_its_budget_without_warning()
    {
        var worker = await Cluster.StartWorkerAsync(new Dictionary<string, string> { ["DB_POOL"] = "7", ["WORKER_QUEUES"] = RandomNames.Unique("q") });

        await worker.WaitForOutputAsync(l => l.Contains("db_pool 7", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.That(worker.Output.Any(l => l.Contains("PostgreSQL capacity", StringComparison.Ordinal)), Is.False);
    }
}
