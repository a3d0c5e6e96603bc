using Fedi.Testing;
using Fedi.Worker.Tests.Support;

namespace Fedi.Worker.Tests.Maintenance;

/// <summary>One maintenance leader across worker processes, and a successor when it dies.</summary>
public sealed class LeaderTests() : ClusterFixture(FediTiers.None)
{
    private static readonly Dictionary<string, string> Settings = new() { ["WORKER_LEADER_TTL"] = "3", ["WORKER_CONCURRENCY"] = "2" };

    [Test]
    public async Task Two_workers_elect_exactly_one_leader_and_the_other_takes_over_when_it_is_killed()
    {
        var first = await Cluster.StartWorkerAsync(Settings);
        var second = await Cluster.StartWorkerAsync(Settings);
        var leaderId = await Eventually.ValueAsync(async () => (string?)await Redis.Db.StringGetAsync("maintenance:leader"), "a leader");
        var (leader, other) = leaderId.Contains($":{first.Id}:", StringComparison.Ordinal) ? (first, second) : (second, first);
        Assert.That(leaderId, Does.Contain($":{leader.Id}:"));

        // Several lease renewals later it is still the same single leader.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.That((string?)await Redis.Db.StringGetAsync("maintenance:leader"), Is.EqualTo(leaderId));
        Assert.That(leader.Output.Count(IsElection), Is.EqualTo(1));
        Assert.That(other.Output.Count(IsElection), Is.Zero);

        leader.Kill();
        await Eventually.TrueAsync(async () => ((string?)await Redis.Db.StringGetAsync("maintenance:leader"))?.Contains($":{other.Id}:", StringComparison.Ordinal) == true,
            "the survivor took the lead", TimeSpan.FromSeconds(15));
        await other.WaitForOutputAsync(IsElection, TimeSpan.FromSeconds(5));
    }

    private static bool IsElection(string line) => line.Contains("Became maintenance leader", StringComparison.Ordinal);
}
