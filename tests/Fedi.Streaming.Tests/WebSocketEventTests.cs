using System.Text.Json;
using System.Text.Json.Nodes;
using Fedi.Core.Contracts;
using Fedi.Streaming.Tests.Support;
using Fedi.Testing;

namespace Fedi.Streaming.Tests;

/// <summary>Events published on a user's channels reach that user's socket in Mastodon's frame.</summary>
[Parallelizable(ParallelScope.Children)]
public sealed class WebSocketEventTests : StreamingTest
{
    [Test]
    public async Task An_update_on_the_users_timeline_arrives_with_the_entity_as_a_json_string()
    {
        var user = await Accounts.CreateAsync();
        await using var socket = await WebSocketClient.ConnectAsync(Cluster.StreamingUrl, user.Token, "user");
        var id = Statuses.NewId();

        var receivers = await Redis.PublishAsync(RedisChannels.Timeline(user.AccountId), Statuses.Update(id));

        Assert.That(receivers, Is.EqualTo(1), "the stream listens as soon as the socket is open");
        var frame = await socket.ReceiveJsonAsync(Deadline);
        Assert.That(frame["stream"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "user" }));
        Assert.That(frame["event"]!.GetValue<string>(), Is.EqualTo("update"));
        Assert.That(frame["payload"]!.GetValueKind(), Is.EqualTo(JsonValueKind.String));
        var status = JsonNode.Parse(frame["payload"]!.GetValue<string>())!;
        Assert.That(status["id"]!.GetValue<string>(), Is.EqualTo(id));
        Assert.That(status["content"]!.GetValue<string>(), Is.EqualTo("<p>Hello</p>"));
    }

    [Test]
    public async Task The_entity_reaches_the_client_exactly_as_published()
    {
        var user = await Accounts.CreateAsync();
        await using var socket = await WebSocketClient.ConnectAsync(Cluster.StreamingUrl, user.Token, "user");
        // Written by hand: raw UTF-8 and HTML characters, as Ruby's JSON and Fedi's relaxed encoder emit them.
        var entity = $$"""{"id":"{{Statuses.NewId()}}","content":"<p>Café & « crème » \"brûlée\" 🍮</p>","language":"fr"}""";

        await Redis.PublishAsync(RedisChannels.Timeline(user.AccountId), StreamMessage.Encode(StreamEvents.Update, entity));

        var frame = await socket.ReceiveJsonAsync(Deadline);
        Assert.That(frame["payload"]!.GetValue<string>(), Is.EqualTo(entity));
    }

    [Test]
    public async Task A_delete_carries_the_bare_status_id()
    {
        var user = await Accounts.CreateAsync();
        await using var socket = await WebSocketClient.ConnectAsync(Cluster.StreamingUrl, user.Token, "user");
        var id = Statuses.NewId();

        await Redis.PublishAsync(RedisChannels.Timeline(user.AccountId), Statuses.Delete(id));

        var frame = await socket.ReceiveJsonAsync(Deadline);
        Assert.That(frame.ToJsonString(), Is.EqualTo($$"""{"stream":["user"],"event":"delete","payload":"{{id}}"}"""));
    }

    [Test]
    public async Task A_payload_published_as_a_pre_encoded_string_arrives_like_an_object_payload()
    {
        var user = await Accounts.CreateAsync();
        await using var socket = await WebSocketClient.ConnectAsync(Cluster.StreamingUrl, user.Token, "user");
        var id = Statuses.NewId();
        var preEncoded = new JsonObject { ["event"] = "update", ["payload"] = Statuses.Json(id) }.ToJsonString();

        await Redis.PublishAsync(RedisChannels.Timeline(user.AccountId), preEncoded);

        var update = new StreamingEvent(await socket.ReceiveJsonAsync(Deadline));
        Assert.That(update.Event, Is.EqualTo("update"));
        Assert.That(update.Payload!["id"]!.GetValue<string>(), Is.EqualTo(id));
    }

    [Test]
    public async Task Malformed_redis_messages_are_dropped_and_the_socket_keeps_working()
    {
        var user = await Accounts.CreateAsync();
        await using var socket = await WebSocketClient.ConnectAsync(Cluster.StreamingUrl, user.Token, "user");
        var channel = RedisChannels.Timeline(user.AccountId);
        string[] malformed = ["not json", "[1,2]", "{\"payload\":{}}", "{\"event\":42}", "{\"event\":\"update\",\"payload\":", "", "null"];
        foreach (var message in malformed) await Redis.PublishAsync(channel, message);
        var id = Statuses.NewId();

        await Redis.PublishAsync(channel, Statuses.Update(id));

        var frame = new StreamingEvent(await socket.ReceiveJsonAsync(Deadline));
        Assert.That(frame.Event, Is.EqualTo("update"), $"first frame after the malformed ones: {frame}");
        Assert.That(frame.Payload!["id"]!.GetValue<string>(), Is.EqualTo(id));
        Assert.That(await Metrics.ValueAsync(Cluster, "fedi_streaming_redis_messages_malformed_total"), Is.GreaterThanOrEqualTo(malformed.Length));
    }

    [Test]
    public async Task Notifications_arrive_on_the_user_stream_and_on_user_notification()
    {
        var user = await Accounts.CreateAsync();
        await using var userStream = await WebSocketClient.ConnectAsync(Cluster.StreamingUrl, user.Token, "user");
        await using var notificationStream = await WebSocketClient.ConnectAsync(Cluster.StreamingUrl, user.Token, "user:notification");
        var notification = StreamMessage.Encode(StreamEvents.Notification, """{"id":"77","type":"mention"}""");

        await Redis.PublishAsync(RedisChannels.Notifications(user.AccountId), notification);

        var onUser = new StreamingEvent(await userStream.ReceiveJsonAsync(Deadline));
        var onNotification = new StreamingEvent(await notificationStream.ReceiveJsonAsync(Deadline));
        Assert.That(onUser.Event, Is.EqualTo("notification"));
        Assert.That(onUser.Stream, Is.EqualTo(new[] { "user" }));
        Assert.That(onNotification.Stream, Is.EqualTo(new[] { "user:notification" }));
        Assert.That(onNotification.Payload!["type"]!.GetValue<string>(), Is.EqualTo("mention"));
    }

    [Test]
    public async Task Events_without_a_payload_are_not_forwarded()
    {
        var user = await Accounts.CreateAsync();
        await using var socket = await WebSocketClient.ConnectAsync(Cluster.StreamingUrl, user.Token, "user");
        var channel = RedisChannels.Timeline(user.AccountId);
        await Redis.PublishAsync(channel, """{"event":"filters_changed"}""");
        var id = Statuses.NewId();

        await Redis.PublishAsync(channel, Statuses.Update(id));

        var frame = new StreamingEvent(await socket.ReceiveJsonAsync(Deadline));
        Assert.That(frame.Event, Is.EqualTo("update"));
    }
}
