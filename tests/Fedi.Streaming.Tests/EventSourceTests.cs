using System.Net;
using System.Text.Json.Nodes;
using Fedi.Core.Contracts;
using Fedi.Streaming.Tests.Support;
using Fedi.Testing;

namespace Fedi.Streaming.Tests;

/// <summary>Server-sent events at Mastodon's paths.</summary>
[Parallelizable(ParallelScope.Children)]
public sealed class EventSourceTests : StreamingTest
{
    [Test]
    public async Task The_user_stream_opens_with_a_smiley_then_sends_events()
    {
        var user = await Accounts.CreateAsync();
        await using var stream = await EventSourceClient.ConnectAsync(Cluster.StreamingUrl, "/api/v1/streaming/user", user.Token);
        var id = Statuses.NewId();

        Assert.That(stream.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(stream.ContentHeaders.ContentType?.MediaType, Is.EqualTo("text/event-stream"));
        Assert.That(stream.Headers.NonValidated["Cache-Control"].ToString(), Is.EqualTo("private, no-store"));
        Assert.That(await stream.ReadLineAsync(Deadline), Is.EqualTo(":)"));
        await Redis.PublishWhenListenedAsync(RedisChannels.Timeline(user.AccountId), Statuses.Update(id));
        var (name, data) = await stream.ReadEventAsync(Deadline);

        Assert.That(name, Is.EqualTo("update"));
        Assert.That(JsonNode.Parse(data)!["id"]!.GetValue<string>(), Is.EqualTo(id));
    }

    [Test]
    public async Task A_delete_event_carries_the_bare_id()
    {
        var user = await Accounts.CreateAsync();
        await using var stream = await EventSourceClient.ConnectAsync(Cluster.StreamingUrl, "/api/v1/streaming/user", user.Token);
        var id = Statuses.NewId();

        await Redis.PublishWhenListenedAsync(RedisChannels.Timeline(user.AccountId), Statuses.Delete(id));

        Assert.That(await stream.ReadEventAsync(Deadline), Is.EqualTo(("delete", id)));
    }

    [TestCase("/api/v1/streaming/public/local?only_media=true", RedisChannels.PublicLocalMedia)]
    [TestCase("/api/v1/streaming/public/remote?only_media=0", RedisChannels.PublicRemote)]
    [TestCase("/api/v1/streaming/public?only_media=1", RedisChannels.PublicMedia)]
    public async Task Public_paths_pick_the_media_channel_from_only_media(string path, string channel)
    {
        var user = await Accounts.CreateAsync();
        await using var stream = await EventSourceClient.ConnectAsync(Cluster.StreamingUrl, path, user.Token);
        var id = Statuses.NewId();

        await Redis.PublishWhenListenedAsync(channel, Statuses.Update(id));

        while (true)
        {
            var (name, data) = await stream.ReadEventAsync(Deadline);
            if (name == "update" && JsonNode.Parse(data)!["id"]!.GetValue<string>() == id) break;
        }
    }

    [Test]
    public async Task A_hashtag_path_streams_that_tag()
    {
        var user = await Accounts.CreateAsync();
        var tag = RandomNames.Unique("Tag");
        await using var stream = await EventSourceClient.ConnectAsync(Cluster.StreamingUrl, $"/api/v1/streaming/hashtag/local?tag={tag}", user.Token);
        var id = Statuses.NewId();

        await Redis.PublishWhenListenedAsync(RedisChannels.Hashtag(tag.ToLowerInvariant(), localOnly: true), Statuses.Update(id));

        var (name, data) = await stream.ReadEventAsync(Deadline);
        Assert.That((name, JsonNode.Parse(data)!["id"]!.GetValue<string>()), Is.EqualTo(("update", id)));
    }

    [Test]
    public async Task Kill_ends_the_response()
    {
        var user = await Accounts.CreateAsync();
        await using var stream = await EventSourceClient.ConnectAsync(Cluster.StreamingUrl, "/api/v1/streaming/user", user.Token);
        Assert.That(await stream.ReadLineAsync(Deadline), Is.EqualTo(":)"));

        // ":)" is written once the system channels are subscribed (through a pattern: no per-channel NUMSUB to wait for).
        await Redis.PublishAsync(RedisChannels.AccessToken(user.TokenId), StreamMessage.EncodeKill());

        Assert.That(await stream.ReadLineAsync(Deadline), Is.Null.Or.Empty);
        Assert.That(await stream.ReadBodyAsync(), Is.Empty);
    }

    [TestCase("/api/v1/streaming/nonsense", 400, "Unknown channel requested")]
    [TestCase("/api/v1/streaming", 400, "Unknown channel requested")]
    [TestCase("/api/v1/streaming/hashtag", 400, "Missing tag name parameter")]
    [TestCase("/api/v1/streaming/list", 400, "Missing list name parameter")]
    [TestCase("/api/v1/streaming/list?list=1", 401, "Not authorized to stream this list")]
    public async Task Bad_requests_get_mastodons_json_errors(string path, int status, string error)
    {
        var user = await Accounts.CreateAsync();
        await using var stream = await EventSourceClient.ConnectAsync(Cluster.StreamingUrl, path, user.Token);

        Assert.That((int)stream.Status, Is.EqualTo(status));
        Assert.That(JsonNode.Parse(await stream.ReadBodyAsync())!["error"]!.GetValue<string>(), Is.EqualTo(error));
        Assert.That(await Redis.SubscriberCountAsync(RedisChannels.AccessToken(user.TokenId)), Is.Zero, "nothing was subscribed");
    }

    [Test]
    public async Task Without_a_token_the_stream_is_refused()
    {
        await using var stream = await EventSourceClient.ConnectAsync(Cluster.StreamingUrl, "/api/v1/streaming/public", token: null);
        Assert.That(stream.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await stream.ReadBodyAsync(), Is.EqualTo("""{"error":"Missing access token"}"""));
    }

    [Test]
    public async Task A_notifications_only_token_cannot_stream_public()
    {
        var user = await Accounts.CreateAsync(scopes: "read:notifications");
        await using var stream = await EventSourceClient.ConnectAsync(Cluster.StreamingUrl, "/api/v1/streaming/public", user.Token);
        Assert.That(stream.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await stream.ReadBodyAsync(), Is.EqualTo("""{"error":"Access token does not have the required scopes"}"""));
    }

    [Test]
    public async Task Health_answers_ok()
    {
        using var http = new HttpClient();
        Assert.That(await http.GetStringAsync($"{Cluster.StreamingUrl}/api/v1/streaming/health"), Is.EqualTo("OK"));
    }
}
