using System.Text.Json.Nodes;
using Fedi.Worker.Tests.Support;

namespace Fedi.Worker.Tests.Engine;

/// <summary>Sidekiq's retries: failure fields, backoff, exhaustion, and job text kept intact.</summary>
public sealed class RetryTests : ClusterFixture
{
    [Test]
    public async Task A_failing_job_is_scheduled_for_retry_with_sidekiqs_fields_and_backoff()
    {
        var key = SidekiqRedis.NewKey("retry");
        var job = SidekiqRedis.TestJob(key, "fail", "f");
        var jid = job["jid"]!.GetValue<string>();
        await Redis.PushAsync(job);

        var (retried, score) = await Redis.WaitInSetAsync("retry", jid);
        Assert.That(retried["retry_count"]!.GetValue<int>(), Is.EqualTo(0));
        Assert.That(retried["error_class"]!.GetValue<string>(), Is.EqualTo("System.InvalidOperationException"));
        Assert.That(retried["error_message"]!.GetValue<string>(), Is.EqualTo("diagnostic failure"));
        Assert.That(retried["retried_at"], Is.Null);
        var failedAt = retried["failed_at"]!.GetValue<double>();
        // First retry: 0^4 + 15 + rand(10) seconds after the failure.
        Assert.That(score - failedAt, Is.InRange(15.0, 25.0));
        Assert.That(retried["args"]!.ToJsonString(), Is.EqualTo(job["args"]!.ToJsonString()));
        Assert.That(await Redis.RunsAsync(key), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_retried_job_that_fails_again_counts_up_and_waits_longer()
    {
        var key = SidekiqRedis.NewKey("retry-again");
        var job = SidekiqRedis.TestJob(key, "fail", "f", edit: j =>
        {
            j["retry_count"] = 2;
            j["failed_at"] = 1732440000.0;
        });
        var jid = job["jid"]!.GetValue<string>();
        await Redis.PushAsync(job);

        var (retried, score) = await Redis.WaitInSetAsync("retry", jid);
        Assert.That(retried["retry_count"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(retried["failed_at"]!.GetValue<double>(), Is.EqualTo(1732440000.0));
        var retriedAt = retried["retried_at"]!.GetValue<double>();
        // Retry 3: 3^4 + 15 + rand(40) seconds.
        Assert.That(score - retriedAt, Is.InRange(96.0, 136.0));
    }

    [Test]
    public async Task A_job_that_exhausts_its_retries_goes_to_the_dead_set()
    {
        var key = SidekiqRedis.NewKey("exhaust");
        var job = SidekiqRedis.TestJob(key, "fail", "f", edit: j => j["retry"] = 1);
        var jid = job["jid"]!.GetValue<string>();
        await Redis.PushAsync(job);

        var first = await Eventually.ValueAsync(() => Redis.FindRawInSetAsync("retry", jid), "the first failure is in the retry set");
        // Make the retry due now instead of in 15 s; the poller must then enqueue it.
        await Redis.Db.SortedSetAddAsync("retry", first, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1);

        var (dead, _) = await Redis.WaitInSetAsync("dead", jid);
        Assert.That(dead["retry_count"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(dead["error_class"]!.GetValue<string>(), Is.EqualTo("System.InvalidOperationException"));
        Assert.That(await Redis.FindInSetAsync("retry", jid), Is.Null);
        Assert.That(await Redis.RunsAsync(key), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_retried_job_keeps_the_exact_text_of_64_bit_ids_and_unknown_fields()
    {
        var key = SidekiqRedis.NewKey("bigid");
        // An id above 2^53 must survive every rewrite digit for digit (a double would round it).
        var job = SidekiqRedis.TestJob(key, "fail", "b", edit: j =>
        {
            j["retry"] = 2;
            j["args"]!.AsArray().Add(113456789012345678L);
            j["custom"] = new JsonObject { ["nested"] = "kept" };
        });
        var jid = job["jid"]!.GetValue<string>();
        await Redis.PushAsync(job);

        var retried = await Eventually.ValueAsync(() => Redis.FindRawInSetAsync("retry", jid), "the job is in the retry set");
        Assert.That(retried, Does.Contain("\"b\",113456789012345678]"));
        Assert.That(retried, Does.Contain("\"custom\":{\"nested\":\"kept\"}"));

        // Due now: the poller puts it back on the queue, where it fails again; its text still holds the id.
        await Redis.Db.SortedSetAddAsync("retry", retried, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1);
        await Eventually.TrueAsync(async () => (await Redis.RunsAsync(key)).Count == 2, "the retry ran");
        var again = await Eventually.ValueAsync(async () =>
            await Redis.FindInSetAsync("retry", jid) is { Job: var j } && j["retry_count"]!.GetValue<int>() == 1
                ? await Redis.FindRawInSetAsync("retry", jid) : null, "the second failure is in the retry set");
        Assert.That(again, Does.Contain("\"b\",113456789012345678]"));
        Assert.That(again, Does.Contain("\"enqueued_at\":"));
    }
}
