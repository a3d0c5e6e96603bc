using Fedi.Core.Contracts.Jobs;
using Fedi.Testing;
using Fedi.Worker.Tests.Support;

namespace Fedi.Worker.Tests.Engine;

/// <summary>Failures that end a job: the dead set, or discard when the job asks for it.</summary>
public sealed class DeadSetTests : ClusterFixture
{
    [Test]
    public async Task A_job_with_retry_zero_goes_to_the_dead_set_at_its_first_failure()
    {
        var key = SidekiqRedis.NewKey("retry0");
        var job = SidekiqRedis.TestJob(key, "fail", "f", edit: j => j["retry"] = 0);
        var jid = job["jid"]!.GetValue<string>();
        await Redis.PushAsync(job);

        await Eventually.TrueAsync(async () => await Redis.FindInSetAsync("dead", jid) is not null, "the job is dead");
        Assert.That(await Redis.FindInSetAsync("retry", jid), Is.Null);
        Assert.That(await Redis.RunsAsync(key), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_permanent_failure_goes_straight_to_the_dead_set()
    {
        var key = SidekiqRedis.NewKey("permanent");
        var job = SidekiqRedis.TestJob(key, "permanent", "p");
        var jid = job["jid"]!.GetValue<string>();
        await Redis.PushAsync(job);

        var (dead, score) = await Redis.WaitInSetAsync("dead", jid);
        Assert.That(dead["error_class"]!.GetValue<string>(), Is.EqualTo("Fedi.Core.Contracts.Jobs.PermanentJobException"));
        Assert.That(dead["retry_count"]!.GetValue<int>(), Is.EqualTo(0));
        Assert.That(score, Is.EqualTo(dead["failed_at"]!.GetValue<double>()).Within(1.0));
        Assert.That(await Redis.FindInSetAsync("retry", jid), Is.Null);
        Assert.That(await Redis.RunsAsync(key), Has.Count.EqualTo(1));
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
        await Redis.PushAsync(job);
        await Redis.PushAsync(marker);

        // The engine has settled the first job once both ran and nothing is in progress or queued.
        await Eventually.TrueAsync(async () => (await Redis.RunsAsync(key)).Count == 2, "both jobs ran");
        await Eventually.TrueAsync(async () => !await InProgressAnywhere(jid), "nothing in progress");
        Assert.That(await Redis.FindInSetAsync("dead", jid), Is.Null);
        Assert.That(await Redis.FindInSetAsync("retry", jid), Is.Null);
    }

    [Test]
    public async Task A_job_with_retry_false_is_neither_retried_nor_kept()
    {
        var key = SidekiqRedis.NewKey("noretry");
        var job = SidekiqRedis.TestJob(key, "fail", "n", edit: j => j["retry"] = false);
        var jid = job["jid"]!.GetValue<string>();
        await Redis.PushAsync(job);

        await Eventually.TrueAsync(async () => (await Redis.RunsAsync(key)).Count == 1, "the job ran");
        await Eventually.TrueAsync(async () => !await InProgressAnywhere(jid), "nothing in progress");
        Assert.That(await Redis.FindInSetAsync("dead", jid), Is.Null);
        Assert.That(await Redis.FindInSetAsync("retry", jid), Is.Null);
    }

    [Test]
    public async Task A_job_of_an_unknown_class_goes_to_the_dead_set_saying_so()
    {
        var job = SidekiqRedis.TestJob(SidekiqRedis.NewKey("unknown"), "ok", "u", edit: j => j["class"] = "NoSuchWorker");
        var jid = job["jid"]!.GetValue<string>();
        await Redis.PushAsync(job);

        var (dead, _) = await Redis.WaitInSetAsync("dead", jid);
        Assert.That(dead["error_class"]!.GetValue<string>(), Is.EqualTo("Fedi::UnknownJobClass"));
        Assert.That(dead["error_message"]!.GetValue<string>(), Does.Contain("NoSuchWorker"));
        Assert.That(await Redis.FindInSetAsync("retry", jid), Is.Null);
    }

    [Test]
    public async Task Text_that_is_not_a_job_goes_to_the_dead_set_unchanged()
    {
        var garbage = "{\"not\": \"a job\", \"marker\": \"" + RandomNames.Lowercase(12) + "\"";
        await Redis.PushAsync("default", garbage);

        await Eventually.TrueAsync(async () => (await Redis.Db.SortedSetRangeByRankAsync("dead")).Any(v => v == garbage), "the text is in the dead set");
    }

    private async Task<bool> InProgressAnywhere(string jid)
    {
        foreach (var owner in await Redis.Db.SetMembersAsync("inprogress_owners"))
            if ((await Redis.Db.ListRangeAsync($"inprogress:{owner}")).Any(v => ((string)v!).Contains(jid, StringComparison.Ordinal)))
                return true;
        return (await Redis.Db.ListRangeAsync("queue:default")).Any(v => ((string)v!).Contains(jid, StringComparison.Ordinal));
    }
}
