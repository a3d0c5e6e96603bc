using Fedi.Testing;

namespace Fedi.System.Tests;

/// <summary>The walking skeleton, as two people using Mastodon apps would see it.</summary>
public sealed class EndToEndTests
{
    private static readonly TimeSpan StreamDeadline = TimeSpan.FromSeconds(10);

    [Test]
    public async Task A_post_reaches_a_followers_home_timeline_and_live_stream_and_its_deletion_follows()
    {
        var cluster = SystemCluster.Cluster;
        var alice = await cluster.Users.SignUpAsync();
        var bob = await cluster.Users.SignUpAsync();

        (await bob.Client.PostFormAsync($"/api/v1/accounts/{alice.AccountId}/follow", [])).EnsureSuccess();
        await using var stream = await WebSocketClient.ConnectAsync(cluster.StreamingUrl, bob.Token, "user");
        await WaitUntilSubscribedAsync(cluster, bob.AccountId);

        var posted = (await alice.Client.PostFormAsync("/api/v1/statuses", [new("status", "Hello, followers!")])).EnsureSuccess().RequireJson();
        var statusId = posted["id"]!.GetValue<string>();

        var update = await stream.WaitForEventAsync("update", e => e.Payload?["id"]?.GetValue<string>() == statusId, StreamDeadline);
        Assert.That(update.Stream, Is.EqualTo(new[] { "user" }));
        Assert.That(update.Payload!["content"]!.GetValue<string>(), Does.Contain("Hello, followers!"));
        Assert.That(update.Payload!["account"]!["id"]!.GetValue<string>(), Is.EqualTo(alice.AccountId));

        var home = (await bob.Client.GetAsync("/api/v1/timelines/home")).EnsureSuccess().RequireJson().AsArray();
        Assert.That(home.Select(s => s!["id"]!.GetValue<string>()), Does.Contain(statusId));

        (await alice.Client.DeleteAsync($"/api/v1/statuses/{statusId}")).EnsureSuccess();
        var deletion = await stream.WaitForEventAsync("delete", e => e.PayloadText == statusId, StreamDeadline);
        Assert.That(deletion.Stream, Is.EqualTo(new[] { "user" }));

        var after = (await bob.Client.GetAsync("/api/v1/timelines/home")).EnsureSuccess().RequireJson().AsArray();
        Assert.That(after.Select(s => s!["id"]!.GetValue<string>()), Does.Not.Contain(statusId));
    }

    [Test]
    public async Task A_private_post_reaches_followers_but_not_the_public_timeline_or_strangers()
    {
        var cluster = SystemCluster.Cluster;
        var alice = await cluster.Users.SignUpAsync();
        var follower = await cluster.Users.SignUpAsync();
        var stranger = await cluster.Users.SignUpAsync();
        (await follower.Client.PostFormAsync($"/api/v1/accounts/{alice.AccountId}/follow", [])).EnsureSuccess();

        var posted = (await alice.Client.PostFormAsync("/api/v1/statuses",
            [new("status", "followers only"), new("visibility", "private")])).EnsureSuccess().RequireJson();
        var statusId = posted["id"]!.GetValue<string>();

        await Eventually.TrueAsync(async () =>
            (await follower.Client.GetAsync("/api/v1/timelines/home")).RequireJson().AsArray().Any(s => s!["id"]!.GetValue<string>() == statusId),
            "the private post is in the follower's home");
        Assert.That((await stranger.Client.GetAsync($"/api/v1/statuses/{statusId}")).Status, Is.EqualTo(404));
        Assert.That((await cluster.Api.GetAsync($"/api/v1/statuses/{statusId}")).Status, Is.EqualTo(404));
        var publicTimeline = (await cluster.Api.GetAsync("/api/v1/timelines/public?limit=40")).EnsureSuccess().RequireJson().AsArray();
        Assert.That(publicTimeline.Select(s => s!["id"]!.GetValue<string>()), Does.Not.Contain(statusId));
        var strangerHome = (await stranger.Client.GetAsync("/api/v1/timelines/home")).EnsureSuccess().RequireJson().AsArray();
        Assert.That(strangerHome, Is.Empty);
    }

    /// <summary>The stream registers its Redis subscription asynchronously; producers only push to listeners.</summary>
    private static async Task WaitUntilSubscribedAsync(FediCluster cluster, string accountId)
    {
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(ConnectionUrls.ParseRedis(cluster.Environment["REDIS_URL"]));
        var key = $"{cluster.RedisNamespace}:subscribed:timeline:{accountId}";
        await Eventually.TrueAsync(() => redis.GetDatabase().KeyExistsAsync(key), $"{key} is set");
    }
}
