using Fedi.Core.Contracts;
using Fedi.Testing;
using Fedi.Worker.Tests.Support;

namespace Fedi.Worker.Tests.Engine;

/// <summary>Reliable fetch: a worker killed mid-run loses nothing, and no job runs in two workers at once.</summary>
public sealed class RecoveryTests() : ClusterFixture(FediTiers.None)
{
    [Test]
    public async Task Jobs_of_a_killed_worker_are_recovered_by_a_survivor_once_its_heartbeat_expires()
    {
        var (key, queue) = (SidekiqRedis.NewKey("kill"), RandomNames.Unique("kill"));
        const int count = 300;
        await Redis.PushAsync(queue, Enumerable.Range(0, count)
            .Select(i => SidekiqRedis.TestJob(key, "sleep:400", $"j{i}", queue).ToJsonString()).ToArray());
        var settings = new Dictionary<string, string> { ["WORKER_QUEUES"] = queue, ["WORKER_CONCURRENCY"] = "25" };

        var doomed = await Cluster.StartWorkerAsync(settings);
        await Eventually.TrueAsync(async () => (await Redis.RunsAsync(key)).Count >= 50, "the first worker got going");
        var doomedIdentity = (await Redis.Db.SetMembersAsync("processes")).Select(v => (string)v!)
            .Single(v => v.Contains($":{doomed.Id}:", StringComparison.Ordinal));
        doomed.Kill();
        await doomed.WaitForExitAsync(TimeSpan.FromSeconds(10));
        var stranded = await Redis.Db.ListLengthAsync($"inprogress:{doomedIdentity}");
        Assert.That(stranded, Is.GreaterThan(0), "the kill left jobs in progress");

        var survivor = await Cluster.StartWorkerAsync(settings);
        await Eventually.TrueAsync(async () => (await Redis.RunsAsync(key)).Select(r => r.Token).Distinct().Count() == count,
            "every job ran", TimeSpan.FromSeconds(60));

        var runs = await Redis.RunsAsync(key);
        Assert.That(runs.Select(r => r.Token).Distinct(), Is.EquivalentTo(Enumerable.Range(0, count).Select(i => $"j{i}")));
        // Only a job that finished in the instant between its record and its removal from the list may run twice.
        Assert.That(runs.Count - count, Is.LessThanOrEqualTo(stranded));
        Assert.That(await Redis.Db.KeyExistsAsync($"inprogress:{doomedIdentity}"), Is.False);
        Assert.That(await Redis.Db.SetContainsAsync("processes", doomedIdentity), Is.False);
        Assert.That(await Redis.Db.SetContainsAsync("inprogress_owners", doomedIdentity), Is.False);
        await survivor.WaitForOutputAsync(line => line.Contains($"from dead worker {doomedIdentity}", StringComparison.Ordinal), TimeSpan.FromSeconds(5));
    }

    [Test]
    public async Task Killing_a_worker_in_the_middle_of_twenty_thousand_jobs_loses_none()
    {
        var (key, queue) = (SidekiqRedis.NewKey("kill20k"), RandomNames.Unique("kill20k"));
        const int count = 20_000;
        await Redis.PushAsync(queue, Enumerable.Range(0, count)
            .Select(i => SidekiqRedis.TestJob(key, "sleep:2", $"j{i}", queue).ToJsonString()).ToArray());
        var settings = new Dictionary<string, string> { ["WORKER_QUEUES"] = queue, ["WORKER_CONCURRENCY"] = "25" };

        var doomed = await Cluster.StartWorkerAsync(settings);
        await Eventually.TrueAsync(async () => await Redis.Db.ListLengthAsync(key) >= 2_000, "the first worker is well under way");
        doomed.Kill();
        await doomed.WaitForExitAsync(TimeSpan.FromSeconds(10));
        var ranBeforeKill = await Redis.Db.ListLengthAsync(key);
        Assert.That(ranBeforeKill, Is.LessThan(count), "killed in the middle, not after the end");

        await Cluster.StartWorkerAsync(settings);
        await Eventually.TrueAsync(async () => (await Redis.RunsAsync(key)).Select(r => r.Token).Distinct().Count() == count,
            "every job ran", TimeSpan.FromSeconds(90));

        var tokens = (await Redis.RunsAsync(key)).Select(r => r.Token).ToList();
        Assert.That(tokens.Distinct(), Is.EquivalentTo(Enumerable.Range(0, count).Select(i => $"j{i}")), "every job id accounted for");
        Assert.That(await Redis.Db.ListLengthAsync(SidekiqKeys.Queue(queue)), Is.Zero);
    }

    [Test]
    public async Task Two_workers_on_one_queue_never_run_the_same_job()
    {
        var (key, queue) = (SidekiqRedis.NewKey("pair"), RandomNames.Unique("pair"));
        const int count = 600;
        var settings = new Dictionary<string, string> { ["WORKER_QUEUES"] = queue, ["WORKER_CONCURRENCY"] = "8" };
        var first = await Cluster.StartWorkerAsync(settings);
        var second = await Cluster.StartWorkerAsync(settings);

        await Redis.PushAsync(queue, Enumerable.Range(0, count)
            .Select(i => SidekiqRedis.TestJob(key, "sleep:5", $"j{i}", queue).ToJsonString()).ToArray());
        await Eventually.TrueAsync(async () => (await Redis.RunsAsync(key)).Count >= count, "every job ran");

        var runs = await Redis.RunsAsync(key);
        Assert.That(runs.Select(r => r.Token), Is.Unique);
        Assert.That(runs, Has.Count.EqualTo(count));
        Assert.That(runs.Select(r => r.Pid).Distinct(), Is.EquivalentTo(new[] { first.Id, second.Id }), "both workers took part");
    }
}
