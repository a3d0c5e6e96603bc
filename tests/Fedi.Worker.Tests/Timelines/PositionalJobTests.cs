using System.Text.Json.Nodes;
using Fedi.Worker.Tests.Support;

namespace Fedi.Worker.Tests.Timelines;

/// <summary>
/// Jobs already in Redis when the worker is upgraded: the JSON exactly as the enqueuers wrote it before jobs were
/// records (and as Mastodon's web tier writes it), pushed byte for byte, still runs.
/// </summary>
public sealed class PositionalJobTests : TimelineFixture
{
    /// <summary>The old JobClient's output, key order and all: class, args, queue, jid, retry, created_at, enqueued_at.</summary>
    private static string Written(string jobClass, string args)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        return $$"""{"class":"{{jobClass}}","args":{{args}},"queue":"default","jid":"{{SidekiqRedis.NewJid()}}","retry":true,"created_at":{{now}},"enqueued_at":{{now}}}""";
    }

    [Test]
    public async Task A_MergeWorker_and_an_UnmergeWorker_written_the_old_way_merge_then_unmerge()
    {
        var target = await Data.AccountAsync();
        var follower = await ReaderAsync();
        var status = await Data.StatusAsync(target);
        await Data.FollowAsync(follower, target);

        await Redis.PushAsync("default", Written("MergeWorker", $"[{target},{follower}]"));
        await Redis.DrainAsync();
        Assert.That(await Redis.HomeFeedAsync(follower), Does.Contain(status));

        await Data.UnfollowAsync(follower, target);
        await Redis.PushAsync("default", Written("UnmergeWorker", $"[\"{target}\",\"{follower}\"]"));
        await Redis.DrainAsync();
        Assert.That(await Redis.HomeFeedAsync(follower), Does.Not.Contain(status), "ids as strings, as some Sidekiq clients send them");
    }

    [Test]
    public async Task A_DistributionWorker_a_FeedInsertBatchWorker_and_a_RemovalWorker_written_the_old_way_run()
    {
        var author = await ReaderAsync();
        var follower = await ReaderAsync();
        await Data.FollowAsync(follower, author);
        var status = await Data.StatusAsync(author);

        await Redis.PushAsync("default", Written("DistributionWorker", $"[{status}]"));
        await Redis.DrainAsync();
        Assert.That(await Redis.HomeFeedAsync(follower), Does.Contain(status));

        var other = await ReaderAsync();
        await Data.FollowAsync(other, author);
        await Redis.PushAsync("default", Written("FeedInsertBatchWorker", $"[{status},0,{other}]"));
        await Redis.DrainAsync();
        Assert.That(await Redis.HomeFeedAsync(other), Does.Contain(status), "the range (0, other] reaches the new follower");

        await Data.SoftDeleteAsync(status);
        await Redis.PushAsync("default", Written("RemovalWorker", $"[{status}]"));
        await Redis.DrainAsync();
        Assert.That(await Redis.HomeFeedAsync(follower), Does.Not.Contain(status));
    }

    [Test]
    public async Task An_old_job_with_an_args_array_that_is_not_ids_goes_to_the_dead_set_without_a_retry()
    {
        var json = Written("MergeWorker", "[\"someone\"]");

        await Redis.PushAsync("default", json);

        var (dead, _) = await Redis.WaitInSetAsync("dead", JsonNode.Parse(json)!["jid"]!.GetValue<string>());
        Assert.That(dead["error_class"]!.GetValue<string>(), Is.EqualTo("Fedi.Core.Contracts.Jobs.PermanentJobException"));
        Assert.That(dead["retry_count"]!.GetValue<int>(), Is.EqualTo(0));
    }
}
