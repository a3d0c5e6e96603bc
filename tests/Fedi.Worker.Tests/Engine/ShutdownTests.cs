using System.Text.Json.Nodes;
using Fedi.Testing;
using Fedi.Worker.Tests.Support;

namespace Fedi.Worker.Tests.Engine;

/// <summary>SIGTERM, as systemd sends it: running jobs finish or go back to their queue; nothing is lost.</summary>
public sealed class ShutdownTests() : ClusterFixture(FediTiers.None)
{
    [Test]
    public async Task Running_jobs_finish_on_sigterm_and_the_rest_stay_queued()
    {
        var (key, queue) = (SidekiqRedis.NewKey("drain"), RandomNames.Unique("drain"));
        await FillAsync(key, queue, "sleep:1500", 20);
        var worker = await Cluster.StartWorkerAsync(Settings(queue, concurrency: 4));
        var identity = await IdentityOfAsync(worker);
        await Eventually.TrueAsync(async () => (int)await Redis.Db.HashGetAsync(identity, "busy") > 0, "jobs are running");

        Assert.That(await worker.StopAsync(TimeSpan.FromSeconds(30)), Is.Zero);

        var finished = (await Redis.RunsAsync(key)).Select(r => r.Token).ToList();
        var queued = await QueuedTokensAsync(queue);
        Assert.That(finished, Is.Not.Empty, "the running jobs were allowed to finish");
        Assert.That(finished.Concat(queued), Is.EquivalentTo(Tokens(20)));
        await AssertUnregisteredAsync(identity);
    }

    [Test]
    public async Task Jobs_still_running_when_the_shutdown_timeout_ends_go_back_to_their_queue()
    {
        var (key, queue) = (SidekiqRedis.NewKey("timeout"), RandomNames.Unique("timeout"));
        await FillAsync(key, queue, "sleep:120000", 6);
        var settings = Settings(queue, concurrency: 4);
        settings["SHUTDOWN_TIMEOUT"] = "2";
        var worker = await Cluster.StartWorkerAsync(settings);
        var identity = await IdentityOfAsync(worker);
        await Eventually.TrueAsync(async () => (int)await Redis.Db.HashGetAsync(identity, "busy") == 4, "four jobs are running");

        Assert.That(await worker.StopAsync(TimeSpan.FromSeconds(30)), Is.Zero);

        Assert.That(await Redis.RunsAsync(key), Is.Empty);
        Assert.That(await QueuedTokensAsync(queue), Is.EquivalentTo(Tokens(6)));
        await AssertUnregisteredAsync(identity);
    }

    [Test]
    public async Task Jobs_finished_just_before_sigterm_are_not_run_again()
    {
        // Fast jobs end in batches of successes not yet removed from the in-progress list: stopping must write
        // those before it pushes the rest back, or finished jobs would be queued (and run) a second time.
        var (key, queue) = (SidekiqRedis.NewKey("burst"), RandomNames.Unique("burst"));
        await FillAsync(key, queue, "ok", 20_000);
        var worker = await Cluster.StartWorkerAsync(Settings(queue, concurrency: 10));
        var identity = await IdentityOfAsync(worker);
        await Eventually.TrueAsync(async () => (await Redis.RunsAsync(key)).Count >= 300, "jobs are running");

        Assert.That(await worker.StopAsync(TimeSpan.FromSeconds(30)), Is.Zero);

        var finished = (await Redis.RunsAsync(key)).Select(r => r.Token).ToList();
        var queued = await QueuedTokensAsync(queue);
        TestContext.Out.WriteLine($"{finished.Count} finished, {queued.Count} queued at stop");
        Assert.That(finished, Is.Unique);
        Assert.That(finished.Concat(queued), Is.EquivalentTo(Tokens(20_000)), "every job ran once or is still queued, none both");
        await AssertUnregisteredAsync(identity);
    }

    private static Dictionary<string, string> Settings(string queue, int concurrency) => new()
    {
        ["WORKER_QUEUES"] = queue,
        ["WORKER_CONCURRENCY"] = concurrency.ToString(),
    };

    private static IEnumerable<string> Tokens(int count) => Enumerable.Range(0, count).Select(i => $"j{i}");

    private Task FillAsync(string key, string queue, string behaviour, int count) =>
        Redis.PushAsync(queue, Tokens(count).Select(t => SidekiqRedis.TestJob(key, behaviour, t, queue).ToJsonString()).ToArray());

    private Task<string> IdentityOfAsync(FediProcess worker) =>
        Eventually.ValueAsync(async () => (await Redis.Db.SetMembersAsync("processes"))
            .Select(v => (string?)v).FirstOrDefault(v => v!.Contains($":{worker.Id}:", StringComparison.Ordinal)), "the worker registered");

    private async Task<List<string>> QueuedTokensAsync(string queue) =>
        (await Redis.Db.ListRangeAsync($"queue:{queue}"))
            .Select(v => JsonNode.Parse((string)v!)!["args"]![2]!.GetValue<string>()).ToList();

    private async Task AssertUnregisteredAsync(string identity)
    {
        Assert.That(await Redis.Db.SetContainsAsync("processes", identity), Is.False);
        Assert.That(await Redis.Db.SetContainsAsync("inprogress_owners", identity), Is.False);
        Assert.That(await Redis.Db.KeyExistsAsync(identity), Is.False);
        Assert.That(await Redis.Db.KeyExistsAsync($"inprogress:{identity}"), Is.False);
    }
}
