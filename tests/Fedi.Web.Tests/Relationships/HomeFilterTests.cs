using Fedi.Testing;
using StackExchange.Redis;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Relationships;

/// <summary>Home feeds leave out accounts the owner muted or blocked: at fan-out, and when a missing feed is rebuilt.</summary>
[Parallelizable(ParallelScope.Children)]
public sealed class HomeFilterTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);
    private static FediCluster Cluster => WebCluster.Cluster;

    private static async Task<IReadOnlyList<string>> HomeAsync(TestUser user) => Ids(await user.Client.GetAsync("/api/v1/timelines/home?limit=40"));

    [Test]
    public async Task A_follower_who_muted_the_author_does_not_get_the_new_post_in_home()
    {
        var author = await Cluster.Users.SignUpAsync();
        var muter = await Cluster.Users.SignUpAsync();
        var other = await Cluster.Users.SignUpAsync();
        await FollowAsync(muter, author);
        await FollowAsync(other, author);
        Json(await muter.Client.PostFormAsync($"/api/v1/accounts/{author.AccountId}/mute", []));
        // Both feeds exist, so the fan-out writes into them rather than leaving them to a rebuild.
        await HomeAsync(muter);
        await HomeAsync(other);

        var post = await PostAsync(author, "muted post");

        // Both followers are in the same batch of the same fan-out: once the other one has it, the muter was decided.
        var deadline = DateTime.UtcNow + Deadline;
        while (!(await HomeAsync(other)).Contains(post))
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("the post never reached the other follower's home");
            await Task.Delay(50);
        }
        Assert.That(await HomeAsync(muter), Does.Not.Contain(post));
    }

    [Test]
    public async Task Muting_or_blocking_takes_the_accounts_posts_out_of_home_at_once()
    {
        var reader = await Cluster.Users.SignUpAsync();
        var muted = await Cluster.Users.SignUpAsync();
        var blocked = await Cluster.Users.SignUpAsync();
        var kept = await Cluster.Users.SignUpAsync();
        await FollowAsync(reader, muted);
        await FollowAsync(reader, blocked);
        await FollowAsync(reader, kept);
        await HomeAsync(reader);
        string[] posts = [await PostAsync(muted, "muted soon"), await PostAsync(blocked, "blocked soon"), await PostAsync(kept, "kept")];
        var deadline = DateTime.UtcNow + Deadline;
        while (!posts.All((await HomeAsync(reader)).Contains))
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("the posts never reached home");
            await Task.Delay(50);
        }

        Json(await reader.Client.PostFormAsync($"/api/v1/accounts/{muted.AccountId}/mute", []));
        Json(await reader.Client.PostFormAsync($"/api/v1/accounts/{blocked.AccountId}/block", []));

        var home = await HomeAsync(reader);
        Assert.That(home, Does.Contain(posts[2]));
        Assert.That(home, Does.Not.Contain(posts[0]).And.Not.Contain(posts[1]));
    }

    [Test]
    public async Task A_rebuilt_home_leaves_out_muted_accounts_and_keeps_the_rest()
    {
        var reader = await Cluster.Users.SignUpAsync();
        var muted = await Cluster.Users.SignUpAsync();
        var kept = await Cluster.Users.SignUpAsync();
        await FollowAsync(reader, muted);
        await FollowAsync(reader, kept);
        var mutedPost = await PostAsync(muted, "from a muted account");
        var keptPost = await PostAsync(kept, "from a followed account");
        Json(await reader.Client.PostFormAsync($"/api/v1/accounts/{muted.AccountId}/mute", []));
        await DeleteFeedAsync(reader.AccountId);

        var home = await HomeAsync(reader);

        Assert.That(home, Does.Contain(keptPost));
        Assert.That(home, Does.Not.Contain(mutedPost));
    }

    private static async Task DeleteFeedAsync(string accountId)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(ConnectionUrls.ParseRedis(Cluster.Environment["REDIS_URL"]));
        await redis.GetDatabase().KeyDeleteAsync($"{Cluster.RedisNamespace}:feed:home:{accountId}");
    }
}
