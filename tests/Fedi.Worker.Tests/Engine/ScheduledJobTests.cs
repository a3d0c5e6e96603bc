using Fedi.Worker.Tests.Support;

namespace Fedi.Worker.Tests.Engine;

/// <summary>Jobs in Sidekiq's <c>schedule</c> set run once their time has come, and not before.</summary>
public sealed class ScheduledJobTests : ClusterFixture
{
    [Test]
    public async Task A_scheduled_job_runs_after_its_time_and_not_before()
    {
        var key = SidekiqRedis.NewKey("scheduled");
        var job = SidekiqRedis.TestJob(key, "ok", "s", edit: j => j.Remove("enqueued_at"));
        var runAt = DateTimeOffset.UtcNow.AddSeconds(2);
        await Redis.Db.SortedSetAddAsync("schedule", job.ToJsonString(), runAt.ToUnixTimeMilliseconds() / 1000.0);

        var run = (await Eventually.ValueAsync(async () => (await Redis.RunsAsync(key)).FirstOrDefault(), "the scheduled job ran")).At;
        Assert.That(run, Is.GreaterThanOrEqualTo(runAt.ToUnixTimeMilliseconds()));
        Assert.That(await Redis.Db.SortedSetLengthAsync("schedule", runAt.ToUnixTimeSeconds() - 1, runAt.ToUnixTimeSeconds() + 1), Is.Zero);
        Assert.That(await Redis.RunsAsync(key), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Many_jobs_due_at_once_each_run_exactly_once()
    {
        var key = SidekiqRedis.NewKey("due");
        var past = DateTimeOffset.UtcNow.AddSeconds(-5).ToUnixTimeMilliseconds() / 1000.0;
        var entries = Enumerable.Range(0, 250)
            .Select(i => new StackExchange.Redis.SortedSetEntry(SidekiqRedis.TestJob(key, "ok", $"t{i}", queue: "pull").ToJsonString(), past))
            .ToArray();
        await Redis.Db.SortedSetAddAsync("schedule", entries);

        await Eventually.TrueAsync(async () => (await Redis.RunsAsync(key)).Count >= 250, "all 250 ran");
        var runs = await Redis.RunsAsync(key);
        Assert.That(runs.Select(r => r.Token), Is.Unique);
        Assert.That(runs, Has.Count.EqualTo(250));
    }
}
