using System.Text.Json.Nodes;
using Fedi.Testing;
using Fedi.Worker.Tests.Support;

namespace Fedi.Worker.Tests.Engine;

/// <summary>Jobs pushed in Sidekiq's raw wire format, through success, retry, the dead set and discard.</summary>
public sealed class JobLifecycleTests
{
    private FediCluster _cluster = null!;
    private SidekiqRedis _redis = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = await SharedWorker.GetAsync();
        _redis = await SidekiqRedis.ConnectAsync(_cluster);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _redis.DisposeAsync();
    }

    [Test]
    public async Task A_job_pushed_as_raw_sidekiq_json_runs_once_and_leaves_nothing_behind()
    {
        var key = SidekiqRedis.NewKey("raw");
        // As Sidekiq's Ruby client writes it, extra keys included.
        var jid = SidekiqRedis.NewJid();
        var raw = $$"""{"retry":true,"queue":"default","backtrace":3,"class":"Fedi::TestJob","args":["{{key}}","ok","a"],"jid":"{{jid}}","created_at":1732440000.123,"enqueued_at":1732440000.125}""";
        await _redis.PushAsync("default", raw);

        await Eventually.TrueAsync(async () => (await _redis.RunsAsync(key)).Count == 1, "the job ran");
        await Eventually.TrueAsync(async () => await _redis.Db.ListLengthAsync("queue:default") == 0, "the queue is empty");
        Assert.That((await _redis.RunsAsync(key)).Single().Token, Is.EqualTo("a"));
        Assert.That(await _redis.FindInSetAsync("retry", jid), Is.Null);
        Assert.That(await _redis.FindInSetAsync("dead", jid), Is.Null);
    }

    [Test]
    public async Task A_failing_job_is_scheduled_for_retry_with_sidekiqs_fields_and_backoff()
    {
        var key = SidekiqRedis.NewKey("retry");
        var job = SidekiqRedis.TestJob(key, "fail", "f");
        var jid = job["jid"]!.GetValue<string>();
        await _redis.PushAsync(job);

        var (retried, score) = await Eventually.ValueAsync(async () => await _redis.FindInSetAsync("retry", jid) is { } e ? Tuple.Create(e.Job, e.Score) : null, "the job is in the retry set");
        Assert.That(retried["retry_count"]!.GetValue<int>(), Is.EqualTo(0));
        Assert.That(retried["error_class"]!.GetValue<string>(), Is.EqualTo("System.InvalidOperationException"));
        Assert.That(retried["error_message"]!.GetValue<string>(), Is.EqualTo("diagnostic failure"));
        Assert.That(retried["retried_at"], Is.Null);
        var failedAt = retried["failed_at"]!.GetValue<double>();
        // First retry: 0^4 + 15 + rand(10) seconds after the failure.
        Assert.That(score - failedAt, Is.InRange(15.0, 25.0));
        Assert.That(retried["args"]!.ToJsonString(), Is.EqualTo(job["args"]!.ToJsonString()));
        Assert.That(await _redis.RunsAsync(key), Has.Count.EqualTo(1));
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
        await _redis.PushAsync(job);

        var (retried, score) = await Eventually.ValueAsync(async () => await _redis.FindInSetAsync("retry", jid) is { } e ? Tuple.Create(e.Job, e.Score) : null, "the job is in the retry set");
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
        await _redis.PushAsync(job);

        var first = await Eventually.ValueAsync(() => _redis.FindRawInSetAsync("retry", jid), "the first failure is in the retry set");
        // Make the retry due now instead of in 15 s; the poller must then enqueue it.
        await _redis.Db.SortedSetAddAsync("retry", first, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1);

        var (dead, _) = await Eventually.ValueAsync(async () => await _redis.FindInSetAsync("dead", jid) is { } e ? Tuple.Create(e.Job, e.Score) : null, "the job is dead");
        Assert.That(dead["retry_count"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(dead["error_class"]!.GetValue<string>(), Is.EqualTo("System.InvalidOperationException"));
        Assert.That(await _redis.FindInSetAsync("retry", jid), Is.Null);
        Assert.That(await _redis.RunsAsync(key), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_job_with_retry_zero_goes_to_the_dead_set_at_its_first_failure()
    {
        var key = SidekiqRedis.NewKey("retry0");
        var job = SidekiqRedis.TestJob(key, "fail", "f", edit: j => j["retry"] = 0);
        var jid = job["jid"]!.GetValue<string>();
        await _redis.PushAsync(job);

        await Eventually.TrueAsync(async () => await _redis.FindInSetAsync("dead", jid) is not null, "the job is dead");
        Assert.That(await _redis.FindInSetAsync("retry", jid), Is.Null);
        Assert.That(await _redis.RunsAsync(key), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_permanent_failure_goes_straight_to_the_dead_set()
    {
        var key = SidekiqRedis.NewKey("permanent");
        var job = SidekiqRedis.TestJob(key, "permanent", "p");
        var jid = job["jid"]!.GetValue<string>();
        await _redis.PushAsync(job);

        var (dead, score) = await Eventually.ValueAsync(async () => await _redis.FindInSetAsync("dead", jid) is { } e ? Tuple.Create(e.Job, e.Score) : null, "the job is dead");
        Assert.That(dead["error_class"]!.GetValue<string>(), Is.EqualTo("Fedi.Core.Jobs.PermanentJobException"));
        Assert.That(dead["retry_count"]!.GetValue<int>(), Is.EqualTo(0));
        Assert.That(score, Is.EqualTo(dead["failed_at"]!.GetValue<double>()).Within(1.0));
        Assert.That(await _redis.FindInSetAsync("retry", jid), Is.Null);
        Assert.That(await _redis.RunsAsync(key), Has.Count.EqualTo(1));
    }

    [TestCase("permanent", true)]
    [TestCase("fail", false)]
    public async Task A_job_marked_dead_false_is_discarded_instead_of_kept(string behaviour, bool retry)
    {
        var key = SidekiqRedis.NewKey("discard");
        var job = SidekiqRedis.TestJob(key, behaviour, "d", edit: j =>
        {
            j["dead"] = false;
            j["retry"] = retry ? true : 0;
        });
        var jid = job["jid"]!.GetValue<string>();
        var marker = SidekiqRedis.TestJob(key, "ok", "after");
        await _redis.PushAsync(job);
        await _redis.PushAsync(marker);

        // The engine has settled the first job once both ran and nothing is in progress or queued.
        await Eventually.TrueAsync(async () => (await _redis.RunsAsync(key)).Count == 2, "both jobs ran");
        await Eventually.TrueAsync(async () => !await InProgressAnywhere(jid), "nothing in progress");
        Assert.That(await _redis.FindInSetAsync("dead", jid), Is.Null);
        Assert.That(await _redis.FindInSetAsync("retry", jid), Is.Null);
    }

    [Test]
    public async Task A_job_with_retry_false_is_neither_retried_nor_kept()
    {
        var key = SidekiqRedis.NewKey("noretry");
        var job = SidekiqRedis.TestJob(key, "fail", "n", edit: j => j["retry"] = false);
        var jid = job["jid"]!.GetValue<string>();
        await _redis.PushAsync(job);

        await Eventually.TrueAsync(async () => (await _redis.RunsAsync(key)).Count == 1, "the job ran");
        await Eventually.TrueAsync(async () => !await InProgressAnywhere(jid), "nothing in progress");
        Assert.That(await _redis.FindInSetAsync("dead", jid), Is.Null);
        Assert.That(await _redis.FindInSetAsync("retry", jid), Is.Null);
    }

    [Test]
    public async Task A_job_of_an_unknown_class_goes_to_the_dead_set_saying_so()
    {
        var job = SidekiqRedis.TestJob(SidekiqRedis.NewKey("unknown"), "ok", "u", edit: j => j["class"] = "NoSuchWorker");
        var jid = job["jid"]!.GetValue<string>();
        await _redis.PushAsync(job);

        var (dead, _) = await Eventually.ValueAsync(async () => await _redis.FindInSetAsync("dead", jid) is { } e ? Tuple.Create(e.Job, e.Score) : null, "the job is dead");
        Assert.That(dead["error_class"]!.GetValue<string>(), Is.EqualTo("Fedi::UnknownJobClass"));
        Assert.That(dead["error_message"]!.GetValue<string>(), Does.Contain("NoSuchWorker"));
        Assert.That(await _redis.FindInSetAsync("retry", jid), Is.Null);
    }

    [Test]
    public async Task Text_that_is_not_a_job_goes_to_the_dead_set_unchanged()
    {
        var garbage = "{\"not\": \"a job\", \"marker\": \"" + RandomNames.Lowercase(12) + "\"";
        await _redis.PushAsync("default", garbage);

        await Eventually.TrueAsync(async () => (await _redis.Db.SortedSetRangeByRankAsync("dead")).Any(v => v == garbage), "the text is in the dead set");
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
        await _redis.PushAsync(job);

        var retried = await Eventually.ValueAsync(() => _redis.FindRawInSetAsync("retry", jid), "the job is in the retry set");
        Assert.That(retried, Does.Contain("\"b\",113456789012345678]"));
        Assert.That(retried, Does.Contain("\"custom\":{\"nested\":\"kept\"}"));

        // Due now: the poller puts it back on the queue, where it fails again; its text still holds the id.
        await _redis.Db.SortedSetAddAsync("retry", retried, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1);
        await Eventually.TrueAsync(async () => (await _redis.RunsAsync(key)).Count == 2, "the retry ran");
        var again = await Eventually.ValueAsync(async () =>
            await _redis.FindInSetAsync("retry", jid) is { Job: var j } && j["retry_count"]!.GetValue<int>() == 1
                ? await _redis.FindRawInSetAsync("retry", jid) : null, "the second failure is in the retry set");
        Assert.That(again, Does.Contain("\"b\",113456789012345678]"));
        Assert.That(again, Does.Contain("\"enqueued_at\":"));
    }

    private async Task<bool> InProgressAnywhere(string jid)
    {
        foreach (var owner in await _redis.Db.SetMembersAsync("inprogress_owners"))
            if ((await _redis.Db.ListRangeAsync($"inprogress:{owner}")).Any(v => ((string)v!).Contains(jid, StringComparison.Ordinal)))
                return true;
        return (await _redis.Db.ListRangeAsync("queue:default")).Any(v => ((string)v!).Contains(jid, StringComparison.Ordinal));
    }
}
