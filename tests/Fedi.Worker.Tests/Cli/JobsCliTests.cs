using System.Text.Json.Nodes;
using Fedi.Testing;
using Fedi.Worker.Tests.Support;

namespace Fedi.Worker.Tests.Cli;

/// <summary>The <c>jobs</c> admin commands against a real Redis, jobs pushed raw as Sidekiq would (no worker runs).</summary>
public sealed class JobsCliTests() : ClusterFixture(FediTiers.None)
{
    [Test]
    public async Task Stats_show_each_queue_with_its_size_and_the_age_of_its_oldest_job()
    {
        var queue = RandomNames.Unique("q");
        var oldest = SidekiqRedis.TestJob("diagnostics:x", "ok", "a", queue, j => j["enqueued_at"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 120);
        await Redis.PushAsync(oldest);
        await Redis.PushAsync(SidekiqRedis.TestJob("diagnostics:x", "ok", "b", queue));
        await Redis.Db.StringSetAsync("stat:processed", 42);

        var stats = (await Cluster.RunCliAsync(["jobs", "stats"])).EnsureSuccess();

        Assert.That(stats.Text, Does.Contain("processed: 42"));
        var row = stats.Output.Single(l => l.StartsWith(queue + " ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(row[1], Is.EqualTo("2"));
        Assert.That(double.Parse(row[2], System.Globalization.CultureInfo.InvariantCulture), Is.InRange(119.0, 600.0));
    }

    [Test]
    public async Task A_dead_job_can_be_listed_retried_onto_its_queue_and_others_deleted()
    {
        var queue = RandomNames.Unique("q");
        var jobs = Enumerable.Range(0, 3).Select(i => SidekiqRedis.TestJob("diagnostics:x", "fail", $"t{i}", queue, j =>
        {
            j["retry_count"] = 2;
            j["error_message"] = "boom";
        })).ToList();
        foreach (var job in jobs) await Redis.Db.SortedSetAddAsync("dead", job.ToJsonString(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var jids = jobs.Select(j => j["jid"]!.GetValue<string>()).ToList();

        var list = (await Cluster.RunCliAsync(["jobs", "dead", "list"])).EnsureSuccess();
        Assert.That(jids.All(jid => list.Text.Contains(jid, StringComparison.Ordinal)), list.Text);
        Assert.That(list.Text, Does.Contain("boom"));

        (await Cluster.RunCliAsync(["jobs", "dead", "retry", jids[0]])).EnsureSuccess();
        var requeued = JsonNode.Parse((string)(await Redis.Db.ListGetByIndexAsync($"queue:{queue}", 0))!)!;
        Assert.That(requeued["jid"]!.GetValue<string>(), Is.EqualTo(jids[0]));
        Assert.That(requeued["retry_count"]!.GetValue<int>(), Is.EqualTo(1), "a manual retry is not counted");
        Assert.That(await Redis.FindInSetAsync("dead", jids[0]), Is.Null);

        (await Cluster.RunCliAsync(["jobs", "dead", "delete", jids[1]])).EnsureSuccess();
        Assert.That(await Redis.FindInSetAsync("dead", jids[1]), Is.Null);
        Assert.That(await Redis.FindInSetAsync("dead", jids[2]), Is.Not.Null);
        Assert.That(await Redis.Db.ListLengthAsync($"queue:{queue}"), Is.EqualTo(1));

        var missing = await Cluster.RunCliAsync(["jobs", "dead", "retry", "000000000000000000000000"]);
        Assert.That(missing.ExitCode, Is.EqualTo(1));
        var neither = await Cluster.RunCliAsync(["jobs", "dead", "delete"]);
        Assert.That(neither.ExitCode, Is.EqualTo(2));
        Assert.That(await Redis.FindInSetAsync("dead", jids[2]), Is.Not.Null, "a bad command changed nothing");
    }

    [Test]
    public async Task Retries_can_all_be_retried_at_once()
    {
        var queue = RandomNames.Unique("q");
        var jobs = Enumerable.Range(0, 2).Select(i => SidekiqRedis.TestJob("diagnostics:x", "fail", $"r{i}", queue)).ToList();
        foreach (var job in jobs) await Redis.Db.SortedSetAddAsync("retry", job.ToJsonString(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3600);

        var result = (await Cluster.RunCliAsync(["jobs", "retries", "retry", "--all"])).EnsureSuccess();

        Assert.That(result.Text, Does.Contain("re-queued 2 job(s)"));
        Assert.That(await Redis.Db.ListLengthAsync($"queue:{queue}"), Is.EqualTo(2));
        Assert.That(await Redis.Db.SortedSetLengthAsync("retry"), Is.Zero);
    }

    [Test]
    public async Task Clearing_a_queue_deletes_its_jobs_and_leaves_other_queues_alone()
    {
        var (cleared, kept) = (RandomNames.Unique("q"), RandomNames.Unique("q"));
        await Redis.PushAsync(SidekiqRedis.TestJob("diagnostics:x", "ok", "a", cleared));
        await Redis.PushAsync(SidekiqRedis.TestJob("diagnostics:x", "ok", "b", cleared));
        await Redis.PushAsync(SidekiqRedis.TestJob("diagnostics:x", "ok", "c", kept));

        var result = (await Cluster.RunCliAsync(["jobs", "queue", "clear", cleared])).EnsureSuccess();

        Assert.That(result.Text, Does.Contain($"cleared 2 job(s) from queue {cleared}"));
        Assert.That(await Redis.Db.KeyExistsAsync($"queue:{cleared}"), Is.False);
        Assert.That(await Redis.Db.ListLengthAsync($"queue:{kept}"), Is.EqualTo(1));
    }
}
