using Fedi.Testing;
using StackExchange.Redis;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Timelines;

public sealed class HomeTimelineTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    [Test]
    public async Task A_missing_feed_is_rebuilt_from_the_database_with_the_same_rules()
    {
        var reader = await Cluster.Users.SignUpAsync();
        var followed = await Cluster.Users.SignUpAsync();
        var notFollowed = await Cluster.Users.SignUpAsync();
        await FollowAsync(reader, followed);
        var own = await PostAsync(reader, "my own post");
        var theirs = await PostAsync(followed, "followed post", "private");
        var replyToStranger = await PostAsync(followed, "reply to someone I do not follow", inReplyTo: await PostAsync(notFollowed, "stranger"));
        var strangers = await PostAsync(notFollowed, "not followed");
        await DeleteFeedAsync(reader.AccountId);

        var home = Ids(await reader.Client.GetAsync("/api/v1/timelines/home"));

        Assert.That(home, Does.Contain(own).And.Contain(theirs));
        Assert.That(home, Does.Not.Contain(strangers).And.Not.Contain(replyToStranger));
        Assert.That(home, Is.Ordered.Descending.Using<string>((a, b) => long.Parse(a).CompareTo(long.Parse(b))));
    }

    [Test]
    public async Task Several_requests_for_a_missing_feed_at_once_all_get_the_rebuilt_timeline()
    {
        var reader = await Cluster.Users.SignUpAsync();
        var followed = await Cluster.Users.SignUpAsync();
        await FollowAsync(reader, followed);
        var posts = new List<string>();
        for (var i = 0; i < 3; i++) posts.Add(await PostAsync(followed, $"post {i}"));
        await DeleteFeedAsync(reader.AccountId);

        var pages = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => reader.Client.GetAsync("/api/v1/timelines/home")));

        foreach (var page in pages) Assert.That(Ids(page), Is.SupersetOf(posts));
        Assert.That(pages.Select(p => string.Join(',', Ids(p))).Distinct().Count(), Is.EqualTo(1), "every request saw the same feed");
    }

    [Test]
    public async Task The_home_timeline_needs_read_statuses()
    {
        var reader = await Cluster.Users.SignUpAsync();
        var app = await Cluster.Users.RegisterAppAsync();
        var writeOnly = await Cluster.Users.PasswordTokenAsync(app, reader.Email, reader.Password, "write");

        var denied = await Cluster.Api.WithToken(writeOnly).GetAsync("/api/v1/timelines/home");
        var anonymous = await Cluster.Api.GetAsync("/api/v1/timelines/home");

        Assert.That(denied.Status, Is.EqualTo(403));
        Assert.That(anonymous.Status, Is.EqualTo(401));
    }

    private static async Task DeleteFeedAsync(string accountId)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(ConnectionUrls.ParseRedis(Cluster.Environment["REDIS_URL"]));
        await redis.GetDatabase().KeyDeleteAsync($"{Cluster.RedisNamespace}:feed:home:{accountId}");
    }
}
