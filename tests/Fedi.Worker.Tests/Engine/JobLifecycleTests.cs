using Fedi.Worker.Tests.Support;

namespace Fedi.Worker.Tests.Engine;

/// <summary>Jobs pushed in Sidekiq's raw wire format run and leave nothing behind.</summary>
public sealed class JobLifecycleTests : ClusterFixture
{
    [Test]
    public async Task A_job_pushed_as_raw_sidekiq_json_runs_once_and_leaves_nothing_behind()
    {
        var key = SidekiqRedis.NewKey("raw");
        // As Sidekiq's Ruby client writes it, extra keys included.
        var jid = SidekiqRedis.NewJid();
        var raw = $$"""{"retry":true,"queue":"default","backtrace":3,"class":"Fedi::TestJob","args":["{{key}}","ok","a"],"jid":"{{jid}}","created_at":1732440000.123,"enqueued_at":1732440000.125}""";
        await Redis.PushAsync("default", raw);

        await Eventually.TrueAsync(async () => (await Redis.RunsAsync(key)).Count == 1, "the job ran");
        await Eventually.TrueAsync(async () => await Redis.Db.ListLengthAsync("queue:default") == 0, "the queue is empty");
        Assert.That((await Redis.RunsAsync(key)).Single().Token, Is.EqualTo("a"));
        Assert.That(await Redis.FindInSetAsync("retry", jid), Is.Null);
        Assert.That(await Redis.FindInSetAsync("dead", jid), Is.Null);
    }
}
