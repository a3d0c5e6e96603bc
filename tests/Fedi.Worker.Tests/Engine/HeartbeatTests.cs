using System.Text.Json.Nodes;
using Fedi.Worker.Tests.Support;

namespace Fedi.Worker.Tests.Engine;

/// <summary>What Sidekiq's tools read about a running worker: its process entry, busy work and counters.</summary>
public sealed class HeartbeatTests : ClusterFixture
{
    [Test]
    public async Task A_running_worker_is_listed_in_processes_with_sidekiqs_info()
    {
        var pid = Cluster.Worker!.Id;
        var identity = await Eventually.ValueAsync(async () =>
            (await Redis.Db.SetMembersAsync("processes")).Select(v => (string?)v).FirstOrDefault(v => v!.Contains($":{pid}:", StringComparison.Ordinal)),
            "the worker is in processes");

        var info = JsonNode.Parse((string)(await Redis.Db.HashGetAsync(identity, "info"))!)!;
        Assert.That(info["identity"]!.GetValue<string>(), Is.EqualTo(identity));
        Assert.That(info["pid"]!.GetValue<int>(), Is.EqualTo(pid));
        Assert.That(info["hostname"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(info["concurrency"]!.GetValue<int>(), Is.EqualTo(10));
        Assert.That(info["queues"]!.AsArray().Select(q => q!.GetValue<string>()),
            Is.EqualTo(new[] { "default", "push", "ingress", "media", "mailers", "pull", "scheduler" }));
        Assert.That(info["started_at"]!.GetValue<double>(), Is.GreaterThan(0));
        Assert.That(info["labels"], Is.InstanceOf<JsonArray>());
        Assert.That(info["tag"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That((string?)await Redis.Db.HashGetAsync(identity, "quiet"), Is.EqualTo("false"));
        Assert.That((double)await Redis.Db.HashGetAsync(identity, "beat"), Is.GreaterThan(0));
        Assert.That(await Redis.Db.KeyTimeToLiveAsync(identity), Is.Not.Null);
    }

    [Test]
    public async Task A_running_job_shows_in_the_work_hash_and_busy_count()
    {
        var key = SidekiqRedis.NewKey("busy");
        var job = SidekiqRedis.TestJob(key, "sleep:4000", "w");
        var jid = job["jid"]!.GetValue<string>();
        await Redis.PushAsync(job);
        var pid = Cluster.Worker!.Id;
        var identity = (await Redis.Db.SetMembersAsync("processes")).Select(v => (string)v!).Single(v => v.Contains($":{pid}:", StringComparison.Ordinal));

        var entry = await Eventually.ValueAsync(async () =>
            (await Redis.Db.HashValuesAsync($"{identity}:work")).Select(v => (string)v!).FirstOrDefault(v => v.Contains(jid, StringComparison.Ordinal)),
            "the job is in the work hash");
        var work = JsonNode.Parse(entry)!;
        Assert.That(work["queue"]!.GetValue<string>(), Is.EqualTo("default"));
        Assert.That(JsonNode.Parse(work["payload"]!.GetValue<string>())!["jid"]!.GetValue<string>(), Is.EqualTo(jid));
        Assert.That(work["run_at"]!.GetValue<long>(), Is.GreaterThan(0));
        Assert.That((int)await Redis.Db.HashGetAsync(identity, "busy"), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task Processed_and_failed_jobs_are_counted_in_sidekiqs_stats()
    {
        var day = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var processedBefore = (long?)await Redis.Db.StringGetAsync("stat:processed") ?? 0;
        var failedBefore = (long?)await Redis.Db.StringGetAsync("stat:failed") ?? 0;
        var key = SidekiqRedis.NewKey("stats");
        await Redis.PushAsync(SidekiqRedis.TestJob(key, "ok", "a"));
        await Redis.PushAsync(SidekiqRedis.TestJob(key, "permanent", "b"));

        await Eventually.TrueAsync(async () =>
            ((long?)await Redis.Db.StringGetAsync("stat:processed") ?? 0) >= processedBefore + 2 &&
            ((long?)await Redis.Db.StringGetAsync("stat:failed") ?? 0) >= failedBefore + 1, "the counters moved");
        Assert.That((long?)await Redis.Db.StringGetAsync($"stat:processed:{day}"), Is.GreaterThanOrEqualTo(2));
        Assert.That((long?)await Redis.Db.StringGetAsync($"stat:failed:{day}"), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task The_worker_reports_job_metrics_on_its_metrics_endpoint()
    {
        var key = SidekiqRedis.NewKey("metrics");
        await Redis.PushAsync(SidekiqRedis.TestJob(key, "ok", "m"));
        await Eventually.TrueAsync(async () => (await Redis.RunsAsync(key)).Count == 1, "the job ran");

        using var http = new HttpClient();
        var metrics = await http.GetStringAsync($"{Cluster.WorkerUrl}/metrics");
        Assert.That(metrics, Does.Contain("fedi_worker_jobs_processed_total{class=\"Fedi::TestJob\"}"));
        Assert.That(metrics, Does.Contain("fedi_worker_jobs_busy"));
    }
}
