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

    private async Task FillAsync(string key, string queue, int count) =>
        await Redis.PushAsync(queue, Enumerable.Range(0, count)
            .Select(i => SidekiqRedis.TestJob(key, "ok", $"{queue}{i}", queue).ToJsonString()).ToArray());
}
