using Fedi.Core.Configuration;
using Fedi.Core.Contracts;
using Fedi.Core.Data;
using Fedi.Core.Feeds;
using Fedi.Core.Redis;
using Fedi.Worker.Tests.Support;

namespace Fedi.Worker.Tests.Timelines;

/// <summary>Paging a feed by max_id / min_id / since_id when neighbouring ids share one Redis score.</summary>
public sealed class FeedPagingTests : ClusterFixture
{
    // Two statuses of the same millisecond: ids 1 apart, one double score (spacing is 16 at this size).
    private const long Base = 117716805739085952;

    [Test]
    public async Task Ids_sharing_a_score_with_the_page_bound_are_neither_skipped_nor_repeated()
    {
        await using var redis = await RedisConnection.ConnectAsync(RedisOptions.From(new EnvironmentSettings(Cluster.Environment)), "test");
        var feeds = new FeedManager(redis);
        var accountId = Random.Shared.NextInt64(1, long.MaxValue);
        long[] ids = [Base, Base + 1, Base + 2, Base + 3, Base + 40, Base + 41];
        Assert.That((double)(Base + 1), Is.EqualTo((double)(Base + 2)), "the premise: neighbours share a score");
        await feeds.AddToHomeFeedAsync(accountId, ids);
        var key = RedisKeys.HomeFeed(accountId);

        var seen = new List<long>();
        long? maxId = null;
        while (await feeds.ReadIdsAsync(key, new Page(maxId, null, null, 2)) is { Length: > 0 } page)
        {
            seen.AddRange(page);
            maxId = page[^1];
        }
        Assert.That(seen, Is.EqualTo(ids.OrderDescending()), "paging down by max_id shows every id once");

        var up = await feeds.ReadIdsAsync(key, new Page(null, null, Base + 1, 2));
        Assert.That(up, Is.EqualTo(new[] { Base + 2, Base + 3 }), "min_id: the ids right after it, the bound itself excluded");
        var since = await feeds.ReadIdsAsync(key, new Page(Base + 3, Base + 1, null, 10));
        Assert.That(since, Is.EqualTo(new[] { Base + 2 }), "both bounds exclusive on the exact ids");
    }
}
