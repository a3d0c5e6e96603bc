using System.Text.Json.Nodes;
using Fedi.Testing;
using Fedi.Worker.Tests.Support;

namespace Fedi.Worker.Tests.Engine;

/// <summary>A fan-out to many followers is split into range jobs, and a failing range is retried alone.</summary>
public sealed class FanOutBatchTests() : ClusterFixture(FediTiers.Worker, new Dictionary<string, string> { ["WORKER_CONCURRENCY"] = "4" })
{
    [Test]
    public async Task A_failing_range_of_followers_is_retried_alone_and_the_others_are_not_redone()
    {
        var author = await Data.AccountAsync();
        var followers = (await Data.AccountsAsync(12_000)).Order().ToList(); // three ranges of at most 5,000
        await Data.FollowAsync(followers, author);
        var (first, broken, third) = (followers[10], followers[6000], followers[11_000]);
        foreach (var id in new[] { first, third }) await Redis.SeedHomeFeedAsync(id);
        await Redis.Db.StringSetAsync($"feed:home:{broken}", "not a sorted set"); // every write to it fails

        var status = await Data.StatusAsync(author, visibility: 1);
        await Redis.EnqueueAsync("DistributionWorker", status);

        var retrying = await Eventually.ValueAsync(async () => (await RetriesOfAsync(status)).FirstOrDefault(), "a range job waits for a retry");
        await Eventually.TrueAsync(async () => await InFeedAsync(first, status) && await InFeedAsync(third, status), "the other ranges reached their feeds");
        var retries = await RetriesOfAsync(status);
        Assert.That(retries, Has.Count.EqualTo(1), "only the failing range");
        Assert.That(retrying["class"]!.GetValue<string>(), Is.EqualTo("FeedInsertBatchWorker"));
        var args = retrying["args"]!.AsArray();
        Assert.That(args[1]!.GetValue<long>(), Is.LessThan(broken));
        Assert.That(args[2]!.GetValue<long>(), Is.GreaterThanOrEqualTo(broken));
        Assert.That(args[2]!.GetValue<long>() - args[1]!.GetValue<long>(), Is.GreaterThan(0));

        // Repair the feed and let the retry run now.
        await Redis.Db.KeyDeleteAsync($"feed:home:{broken}");
        await Redis.SeedHomeFeedAsync(broken);
        var raw = (await Redis.FindRawInSetAsync("retry", retrying["jid"]!.GetValue<string>()))!;
        await Redis.Db.SortedSetAddAsync("retry", raw, 0);

        await Eventually.TrueAsync(() => InFeedAsync(broken, status), "the retried range reached the repaired feed");
        Assert.That(await RetriesOfAsync(status), Is.Empty);
    }

    [Test]
    public async Task A_post_to_ten_thousand_followers_lands_in_every_active_feed_and_skips_inactive_ones()
    {
        var author = await Data.AccountAsync();
        var active = await Data.AccountsAsync(10_000);
        var inactive = new List<long>();
        for (var i = 0; i < 5; i++) inactive.Add(await Data.AccountAsync(signedInDaysAgo: 30));
        var everyone = active.Concat(inactive).ToList();
        await Data.FollowAsync(everyone, author);
        await Task.WhenAll(everyone.Select(Redis.SeedHomeFeedAsync));

        var status = await Data.StatusAsync(author);
        await Redis.EnqueueAsync("DistributionWorker", status);

        await Eventually.TrueAsync(async () => await CountInFeedsAsync(active, status) == active.Count,
            "every active follower's feed has the post", TimeSpan.FromSeconds(60));
        Assert.That(await CountInFeedsAsync(inactive, status), Is.Zero, "inactive followers are skipped");
    }

    private async Task<int> CountInFeedsAsync(IEnumerable<long> accountIds, long statusId) =>
        (await Task.WhenAll(accountIds.Select(id => InFeedAsync(id, statusId)))).Count(found => found);

    private async Task<bool> InFeedAsync(long accountId, long statusId) =>
        await Redis.Db.SortedSetScoreAsync($"feed:home:{accountId}", statusId) is not null;

    private async Task<List<JsonObject>> RetriesOfAsync(long statusId) =>
        (await Redis.Db.SortedSetRangeByRankAsync("retry"))
            .Select(v => JsonNode.Parse((string)v!) as JsonObject)
            .Where(j => j?["args"]?[0]?.GetValue<long>() == statusId)
            .Select(j => j!)
            .ToList();
}
