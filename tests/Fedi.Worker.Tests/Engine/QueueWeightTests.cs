using Fedi.Core.Contracts;
using Fedi.Testing;
using Fedi.Worker.Tests.Support;

namespace Fedi.Worker.Tests.Engine;

/// <summary>WORKER_QUEUES: weighted queues are fetched in proportion to their weights, strict ones in order.</summary>
public sealed class QueueWeightTests() : ClusterFixture(FediTiers.None)
{
    [Test]
    public async Task Weighted_queues_are_served_roughly_in_proportion_to_their_weights()
    {
        var key = SidekiqRedis.NewKey("weights");
        await FillAsync(key, "heavy", 600);
        await FillAsync(key, "light", 600);

        await Cluster.StartWorkerAsync(new Dictionary<string, string>
        {
            ["WORKER_QUEUES"] = "heavy:3,light:1",
            ["WORKER_CONCURRENCY"] = "1",
        });
        await Eventually.TrueAsync(async () => (await Redis.RunsAsync(key)).Count >= 400, "400 jobs ran");

        // While both queues hold jobs, "heavy" comes first in 3 of 4 fetch orders.
        var first = (await Redis.RunsAsync(key)).Take(400).ToList();
        var heavyShare = first.Count(r => r.Token.StartsWith("heavy", StringComparison.Ordinal)) / (double)first.Count;
        Assert.That(heavyShare, Is.InRange(0.62, 0.88));
    }

    [Test]
    public async Task Strict_queues_are_emptied_in_the_order_given()
    {
        var key = SidekiqRedis.NewKey("strict");
        await FillAsync(key, "second", 50);
        await FillAsync(key, "first", 50);

        await Cluster.StartWorkerAsync(new Dictionary<string, string>
        {
            ["WORKER_QUEUES"] = "first,second",
            ["WORKER_CONCURRENCY"] = "1",
        });
        await Eventually.TrueAsync(async () => (await Redis.RunsAsync(key)).Count == 100, "all 100 jobs ran");

        var runs = await Redis.RunsAsync(key);
        Assert.That(runs.Take(50).Select(r => r.Token), Has.All.StartsWith("first"));
        Assert.That(runs.Skip(50).Select(r => r.Token), Has.All.StartsWith("second"));
    }

    [Test]
    public async Task A_process_started_with_queues_on_its_command_line_fetches_only_those()
    {
        var key = SidekiqRedis.NewKey("flag");
        await FillAsync(key, "dedicated", 20);
        await FillAsync(key, "elsewhere", 20);

        // The environment names the other queue: the flag wins, as Sidekiq's -q does for its process.
        await Cluster.StartWorkerAsync(
            new Dictionary<string, string> { ["WORKER_QUEUES"] = "elsewhere" },
            arguments: ["--queues", "dedicated", "-c", "2"]);
        await Eventually.TrueAsync(async () => (await Redis.RunsAsync(key)).Count == 20, "the 20 dedicated jobs ran");

        Assert.That((await Redis.RunsAsync(key)).Select(r => r.Token), Has.All.StartsWith("dedicated"));
        Assert.That(await Redis.Db.ListLengthAsync(SidekiqKeys.Queue("elsewhere")), Is.EqualTo(20), "the other queue is left to other processes");
    }

    [Test]
    public async Task A_malformed_queues_flag_stops_the_worker_naming_the_setting()
    {
        await using var worker = FediProcess.StartProject("Fedi.Worker", Cluster.Environment, ["--queues", "default:eight"], name: "bad-queues");
        await worker.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.That(worker.ExitCode, Is.EqualTo(78));
        Assert.That(worker.Output, Has.Some.Contains("WORKER_QUEUES").And.Contains("default"));
    }

    private async Task FillAsync(string key, string queue, int count) =>
        await Redis.PushAsync(queue, Enumerable.Range(0, count)
            .Select(i => SidekiqRedis.TestJob(key, "ok", $"{queue}{i}", queue).ToJsonString()).ToArray());
}
