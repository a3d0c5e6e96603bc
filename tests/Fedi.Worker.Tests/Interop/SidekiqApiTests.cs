using System.Text.Json.Nodes;
using Fedi.Core.Contracts;
using Fedi.Core.Contracts.Jobs;
using Fedi.Worker.Tests.Support;

namespace Fedi.Worker.Tests.Interop;

/// <summary>What Sidekiq 6.4's own API reads from the keys Fedi writes, and Sidekiq-pushed jobs run by Fedi.</summary>
public sealed partial class SidekiqApiTests : SidekiqInteropFixture
{
    [Test]
    public void A_status_posted_through_the_API_is_a_DistributionWorker_job_in_Sidekiqs_default_queue()
    {
        var queue = BeforeWorker["queues"]!.AsArray().OfType<JsonObject>().Single(q => q["name"]!.GetValue<string>() == "default");
        var job = queue["jobs"]!.AsArray().OfType<JsonObject>().Single(j => j["klass"]!.GetValue<string>() == DistributionJob.Class);
        var now = BeforeWorker["now"]!.GetValue<double>();
        var postedAt = PostedAt.ToUnixTimeMilliseconds() / 1000.0;
        Assert.Multiple(() =>
        {
            Assert.That(job["args"]!.ToJsonString(), Is.EqualTo($"[{PostedStatusId}]"));
            Assert.That(job["queue"]!.GetValue<string>(), Is.EqualTo("default"));
            Assert.That(job["jid"]!.GetValue<string>(), Does.Match("^[0-9a-f]{24}$"));
            Assert.That(job["enqueued_at"]!.GetValue<double>(), Is.InRange(postedAt - 1, now));
            Assert.That(job["created_at"]!.GetValue<double>(), Is.InRange(postedAt - 1, job["enqueued_at"]!.GetValue<double>()));
            Assert.That(queue["size"]!.GetValue<int>(), Is.EqualTo(queue["jobs"]!.AsArray().Count));
            Assert.That(queue["latency"]!.GetValue<double>(), Is.InRange(0, now - postedAt + 1));
            // A post also queues its ActivityPub distribution on push: enqueued counts every queue.
            Assert.That(BeforeWorker["stats"]!["enqueued"]!.GetValue<int>(),
                Is.EqualTo(BeforeWorker["queues"]!.AsArray().OfType<JsonObject>().Sum(q => q["size"]!.GetValue<int>())));
            Assert.That(BeforeWorker["stats"]!["queues"]!["default"]!.GetValue<int>(), Is.EqualTo(queue["size"]!.GetValue<int>()));
            Assert.That(BeforeWorker["processes"]!.AsArray(), Is.Empty, "no worker yet");
        });
    }

    [Test]
    public async Task A_job_Fedi_enqueued_reads_in_Sidekiqs_queue_with_its_64_bit_numbers_intact()
    {
        const long big = 110_123_456_789_012_345;
        var job = JobPayload.Create("Fedi::TestJob", "interop_parked", [big, "text", 1.5, null, new JsonObject { ["a"] = 1 }]);
        await Db.SetAddAsync(SidekiqKeys.Queues, "interop_parked");
        await Db.ListLeftPushAsync(SidekiqKeys.Queue("interop_parked"), job.ToJson());

        var inspected = await Sidekiq.InspectAsync();

        var read = Entry(inspected["queues"]!.AsArray().OfType<JsonObject>().Single(q => q["name"]!.GetValue<string>() == "interop_parked"), "jobs", job.Jid);
        Assert.Multiple(() =>
        {
            Assert.That(read["klass"]!.GetValue<string>(), Is.EqualTo("Fedi::TestJob"));
            Assert.That(read["args"]!.ToJsonString(), Is.EqualTo("[110123456789012345,\"text\",1.5,null,{\"a\":1}]"));
            Assert.That(read["queue"]!.GetValue<string>(), Is.EqualTo("interop_parked"));
            Assert.That(read["enqueued_at"]!.GetValue<double>(), Is.EqualTo(job.EnqueuedAt!.Value).Within(0.001));
            Assert.That(read["created_at"]!.GetValue<double>(), Is.EqualTo(job.CreatedAt).Within(0.001));
            Assert.That(inspected["stats"]!["queues"]!["interop_parked"]!.GetValue<int>(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_job_pushed_with_Sidekiqs_client_runs_in_Fedi()
    {
        var key = NewKey("push");

        await Sidekiq.PushAsync("Fedi::TestJob", new JsonArray(key, "ok", "from-sidekiq"));

        var runs = await WaitForRunsAsync(key, 1);
        Counted(processed: 1);
        Assert.That(runs.Single().Token, Is.EqualTo("from-sidekiq"));
        Assert.That(runs.Single().Pid, Is.EqualTo(WorkerPid));
    }

    [Test]
    public async Task A_failed_job_is_in_Sidekiqs_retry_set_with_its_error_and_Sidekiq_can_delete_it()
    {
        var key = NewKey("retry");
        var job = await PushFromFediAsync(key, "fail", "x");
        await WaitInSetAsync(SidekiqKeys.Retry, job.Jid);
        Counted(processed: 1, failed: 1);

        var entry = Entry(await Sidekiq.InspectAsync(), "retry", job.Jid);
        Assert.Multiple(() =>
        {
            Assert.That(entry["klass"]!.GetValue<string>(), Is.EqualTo("Fedi::TestJob"));
            Assert.That(entry["args"]!.ToJsonString(), Is.EqualTo(new JsonArray(key, "fail", "x").ToJsonString()));
            Assert.That(entry["error_class"]!.GetValue<string>(), Is.EqualTo("System.InvalidOperationException"));
            Assert.That(entry["error_message"]!.GetValue<string>(), Is.EqualTo("diagnostic failure"));
            Assert.That(entry["retry_count"]!.GetValue<int>(), Is.EqualTo(0));
            Assert.That(entry["failed_at"]!.GetValue<double>(), Is.InRange(job.CreatedAt, Now));
            Assert.That(entry["at"]!.GetValue<double>(), Is.GreaterThan(Now + 5), "Sidekiq's backoff: at least 15 s");
        });

        Assert.That(await Sidekiq.ActAsync("retry", job.Jid, "delete"), Is.True);
        Assert.That(await Db.SortedSetLengthAsync(SidekiqKeys.Retry), Is.Zero);
    }

    [Test]
    public async Task A_job_that_failed_permanently_is_in_Sidekiqs_dead_set_and_runs_again_when_Sidekiq_retries_it()
    {
        var key = NewKey("dead");
        var job = await PushFromFediAsync(key, "permanent", "x");
        await WaitInSetAsync(SidekiqKeys.Dead, job.Jid);
        Counted(processed: 1, failed: 1);

        var entry = Entry(await Sidekiq.InspectAsync(), "dead", job.Jid);
        Assert.Multiple(() =>
        {
            Assert.That(entry["klass"]!.GetValue<string>(), Is.EqualTo("Fedi::TestJob"));
            Assert.That(entry["error_class"]!.GetValue<string>(), Is.EqualTo("Fedi.Core.Contracts.Jobs.PermanentJobException"));
            Assert.That(entry["error_message"]!.GetValue<string>(), Is.EqualTo("diagnostic permanent failure"));
            Assert.That(entry["retry_count"]!.GetValue<int>(), Is.EqualTo(0));
            Assert.That(entry["at"]!.GetValue<double>(), Is.InRange(job.CreatedAt, Now));
        });

        Assert.That(await Sidekiq.ActAsync("dead", job.Jid, "retry"), Is.True);
        await WaitForRunsAsync(key, 2);
        await WaitInSetAsync(SidekiqKeys.Dead, job.Jid);
        Counted(processed: 1, failed: 1);
    }

    [Test]
    public async Task A_job_Fedi_scheduled_is_in_Sidekiqs_scheduled_set_and_runs_when_Sidekiq_enqueues_it()
    {
        var key = NewKey("scheduled");
        var job = JobPayload.Create("Fedi::TestJob", "default", [key, "ok", "scheduled"]);
        job.EnqueuedAt = null; // as JobClient.ScheduleAsync writes it
        var runAt = Now + 3600;
        await Db.SortedSetAddAsync(SidekiqKeys.Schedule, job.ToJson(), runAt);

        var entry = Entry(await Sidekiq.InspectAsync(), "scheduled", job.Jid);
        Assert.Multiple(() =>
        {
            Assert.That(entry["klass"]!.GetValue<string>(), Is.EqualTo("Fedi::TestJob"));
            Assert.That(entry["at"]!.GetValue<double>(), Is.EqualTo(runAt).Within(0.001));
            Assert.That(entry["enqueued_at"], Is.Null);
        });

        Assert.That(await Sidekiq.ActAsync("scheduled", job.Jid, "add_to_queue"), Is.True);
        var runs = await WaitForRunsAsync(key, 1);
        Counted(processed: 1);
        Assert.That(runs.Single().Token, Is.EqualTo("scheduled"));
    }

    [Test]
    public async Task Sidekiq_lists_the_running_worker_as_a_live_process_with_its_busy_count()
    {
        var key = NewKey("busy");
        await PushFromFediAsync(key, "sleep:3000", "busy");
        await Eventually.TrueAsync(async () =>
        {
            var identities = await Db.SetMembersAsync(SidekiqKeys.Processes);
            return identities.Length == 1 && (int?)await Db.HashGetAsync((string)identities[0]!, "busy") == 1;
        }, "the heartbeat shows one busy executor");

        var inspected = await Sidekiq.InspectAsync();

        var process = inspected["processes"]!.AsArray().OfType<JsonObject>().Single();
        var now = inspected["now"]!.GetValue<double>();
        Assert.Multiple(() =>
        {
            Assert.That(process["identity"]!.GetValue<string>(), Does.Match($"^{process["hostname"]}:{WorkerPid}:[0-9a-f]+$"));
            Assert.That(process["pid"]!.GetValue<int>(), Is.EqualTo(WorkerPid));
            Assert.That(process["busy"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(process["concurrency"]!.GetValue<int>(), Is.EqualTo(Concurrency));
            Assert.That(process["queues"]!.AsArray().Select(q => q!.GetValue<string>()), Does.Contain("default"));
            Assert.That(process["beat"]!.GetValue<double>(), Is.InRange(now - 10, now + 1));
            Assert.That(process["quiet"]!.GetValue<bool>(), Is.False);
            Assert.That(process["rss"]!.GetValue<long>(), Is.GreaterThan(0));
            Assert.That(inspected["stats"]!["processes_size"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(inspected["stats"]!["workers_size"]!.GetValue<int>(), Is.EqualTo(1));
        });

        await WaitForRunsAsync(key, 1);
        Counted(processed: 1);
    }

    [Test]
    public async Task Sidekiqs_stats_count_every_job_Fedi_processed_and_failed()
    {
        await WaitForStatsFlushAsync(ProcessedSoFar, FailedSoFar);
        var before = (await Sidekiq.InspectAsync())["stats"]!;
        var key = NewKey("stats");
        var jids = new List<string>();
        foreach (var behaviour in new[] { "ok", "ok", "ok", "permanent", "permanent" })
            jids.Add((await PushFromFediAsync(key, behaviour, "stats")).Jid);
        await WaitForRunsAsync(key, 5);
        foreach (var jid in jids[3..]) await WaitInSetAsync(SidekiqKeys.Dead, jid);
        Counted(processed: 5, failed: 2);
        await WaitForStatsFlushAsync(ProcessedSoFar, FailedSoFar);

        var after = (await Sidekiq.InspectAsync())["stats"]!;

        Assert.Multiple(() =>
        {
            Assert.That(before["processed"]!.GetValue<long>(), Is.EqualTo(ProcessedSoFar - 5));
            Assert.That(after["processed"]!.GetValue<long>(), Is.EqualTo(ProcessedSoFar));
            Assert.That(after["failed"]!.GetValue<long>(), Is.EqualTo(FailedSoFar));
            Assert.That(after["dead_size"]!.GetValue<int>() - before["dead_size"]!.GetValue<int>(), Is.EqualTo(2));
        });
    }
}
