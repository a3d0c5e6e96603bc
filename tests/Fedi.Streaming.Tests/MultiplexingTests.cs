using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Fedi.Core.Contracts;
using Fedi.Streaming.Tests.Support;
using Fedi.Testing;

namespace Fedi.Streaming.Tests;

/// <summary>Several streams on one socket, driven by subscribe/unsubscribe messages.</summary>
[Parallelizable(ParallelScope.Children)]
public sealed class MultiplexingTests : StreamingTest
{
    [Test]
    public async Task Public_and_hashtag_streams_share_one_socket_until_unsubscribed()
    {
        var user = await Accounts.CreateAsync();
        var tag = RandomNames.Unique("tag");
        await using var socket = await WebSocketClient.ConnectAsync(Cluster.StreamingUrl, user.Token, stream: "user");
        await socket.CommandAsync("subscribe", "public");
        await socket.CommandAsync("subscribe", "hashtag", tag: tag);
        await Redis.WaitForSubscribersAsync(RedisChannels.Hashtag(tag), 1);
        var onPublic = Statuses.NewId();
        var onTag = Statuses.NewId();

        await Redis.PublishWhenListenedAsync(RedisChannels.Public, Statuses.Update(onPublic));
        await Redis.PublishAsync(RedisChannels.Hashtag(tag), Statuses.Update(onTag));

        var publicEvent = await socket.WaitForEventAsync("update", e => e.Payload?["id"]?.GetValue<string>() == onPublic, Deadline);
        var tagEvent = await socket.WaitForEventAsync("update", e => e.Payload?["id"]?.GetValue<string>() == onTag, Deadline);
        Assert.That(publicEvent.Stream, Is.EqualTo(new[] { "public" }));
        Assert.That(tagEvent.Stream, Is.EqualTo(new[] { "hashtag", tag }));

        await socket.CommandAsync("unsubscribe", "public");
        await socket.CommandAsync("unsubscribe", "hashtag", tag: tag);
        await Redis.WaitForSubscribersAsync(RedisChannels.Hashtag(tag), 0, atMost: true);
        var afterPublic = Statuses.NewId();
        var afterTag = Statuses.NewId();
        var marker = Statuses.NewId();
        await Redis.PublishAsync(RedisChannels.Public, Statuses.Update(afterPublic));
        await Redis.PublishAsync(RedisChannels.Hashtag(tag), Statuses.Update(afterTag));
        await Redis.PublishAsync(RedisChannels.Timeline(user.AccountId), Statuses.Update(marker));

        var frames = await socket.ReceiveUntilAsync(f => PayloadId(f) == marker, Deadline);
        Assert.That(frames.Select(PayloadId), Does.Not.Contain(afterPublic).And.Not.Contain(afterTag));
    }

    [Test]
    public async Task Subscribing_twice_to_the_same_stream_delivers_each_event_once()
    {
        var user = await Accounts.CreateAsync();
        var tag = RandomNames.Unique("tag");
        await using var socket = await WebSocketClient.ConnectAsync(Cluster.StreamingUrl, user.Token, stream: "user");
        await socket.CommandAsync("subscribe", "hashtag", tag: tag);
        await socket.CommandAsync("subscribe", "hashtag", tag: tag);
        var id = Statuses.NewId();
        var marker = Statuses.NewId();

        await Redis.PublishWhenListenedAsync(RedisChannels.Hashtag(tag), Statuses.Update(id));
        await Redis.PublishAsync(RedisChannels.Timeline(user.AccountId), Statuses.Update(marker));

        // Channels are separate queues in the streaming process: the hashtag frame may come after the marker.
        var seen = new HashSet<string?>();
        var frames = await socket.ReceiveUntilAsync(f => seen.Add(PayloadId(f)) && seen.Contains(id) && seen.Contains(marker), Deadline);
        Assert.That(frames.Count(f => PayloadId(f) == id), Is.EqualTo(1));
    }

    [Test]
    public async Task Unsubscribing_from_a_stream_never_subscribed_is_harmless()
    {
        var user = await Accounts.CreateAsync();
        await using var socket = await WebSocketClient.ConnectAsync(Cluster.StreamingUrl, user.Token, stream: "user");
        await socket.CommandAsync("unsubscribe", "public:local");
        await socket.CommandAsync("unsubscribe", "hashtag", tag: "never");
        var id = Statuses.NewId();

        await Redis.PublishAsync(RedisChannels.Timeline(user.AccountId), Statuses.Update(id));

        var frame = await socket.ReceiveJsonAsync(Deadline);
        Assert.That(PayloadId(frame), Is.EqualTo(id));
    }

    [TestCase("""{"type":"subscribe","stream":"nonsense"}""", """{"error":"Unknown stream type","status":400}""", TestName = "An_unknown_stream_is_answered_with_an_error_frame")]
    [TestCase("""{"type":"subscribe","stream":"hashtag"}""", """{"error":"Missing tag name parameter","status":400}""", TestName = "A_hashtag_stream_without_tag_is_answered_with_an_error_frame")]
    [TestCase("""{"type":"subscribe","stream":"list","list":"123"}""", """{"error":"Not authorized to stream this list","status":401}""", TestName = "A_list_not_owned_is_answered_with_an_error_frame")]
    [TestCase("""{"type":"subscribe","stream":"list"}""", """{"error":"Missing list name parameter","status":400}""", TestName = "A_list_stream_without_list_is_answered_with_an_error_frame")]
    public async Task Refused_subscriptions_are_answered_with_an_error_frame_and_the_socket_stays_open(string command, string error)
    {
        var user = await Accounts.CreateAsync();
        using var socket = await RawSocket.ConnectAsync(Cluster.StreamingWebSocketUrl, user.Token, "&stream=user");

        await socket.SendTextAsync(command);

        Assert.That((await socket.ReceiveAsync(Deadline))!.ToJsonString(), Is.EqualTo(error));
        await AssertStillStreamsAsync(socket, user);
    }

    [Test]
    public async Task An_unknown_stream_in_the_url_is_answered_with_an_error_frame()
    {
        var user = await Accounts.CreateAsync();
        using var socket = await RawSocket.ConnectAsync(Cluster.StreamingWebSocketUrl, user.Token, "&stream=nonsense");
        Assert.That((await socket.ReceiveAsync(Deadline))!.ToJsonString(), Is.EqualTo("""{"error":"Unknown stream type","status":400}"""));
    }

    [Test]
    public async Task A_notifications_only_token_cannot_subscribe_to_public_but_can_to_user_notification()
    {
        var user = await Accounts.CreateAsync(scopes: "read:notifications");
        using var socket = await RawSocket.ConnectAsync(Cluster.StreamingWebSocketUrl, user.Token);

        await socket.SendTextAsync("""{"type":"subscribe","stream":"public"}""");
        var refusal = await socket.ReceiveAsync(Deadline);
        await socket.SendTextAsync("""{"type":"subscribe","stream":"user:notification"}""");
        await Redis.PublishWhenListenedAsync(RedisChannels.Notifications(user.AccountId), StreamMessage.Encode("notification", """{"id":"5"}"""));
        var notification = await socket.ReceiveAsync(Deadline);

        Assert.That(refusal!.ToJsonString(), Is.EqualTo("""{"error":"Access token does not have the required scopes","status":401}"""));
        Assert.That(notification!["stream"]!.ToJsonString(), Is.EqualTo("""["user:notification"]"""));
    }

    [Test]
    public async Task Malformed_client_messages_are_ignored()
    {
        var user = await Accounts.CreateAsync();
        using var socket = await RawSocket.ConnectAsync(Cluster.StreamingWebSocketUrl, user.Token, "&stream=user");

        foreach (var junk in new[] { "{nope", "[]", "\"subscribe\"", """{"type":"dance"}""", """{"type":"subscribe","stream":{"x":1}}""" })
            await socket.SendTextAsync(junk);

        var unknownStream = await socket.ReceiveAsync(Deadline);
        Assert.That(unknownStream!.ToJsonString(), Is.EqualTo("""{"error":"Unknown stream type","status":400}"""), "only the object with a bad stream gets an answer");
        await AssertStillStreamsAsync(socket, user);
    }

    [Test]
    public async Task A_binary_message_closes_the_socket_with_1003()
    {
        var user = await Accounts.CreateAsync();
        using var socket = await RawSocket.ConnectAsync(Cluster.StreamingWebSocketUrl, user.Token, "&stream=user");

        await socket.SendBinaryAsync([1, 2, 3]);

        Assert.That(await socket.ReceiveAsync(Deadline), Is.Null);
        Assert.That(socket.Socket.CloseStatus, Is.EqualTo(WebSocketCloseStatus.InvalidMessageType));
    }

    [TestCase("Café", "cafe")]
    [TestCase("ＦＥＤＩ", "fedi")]
    [TestCase("#Hello-World", "helloworld")]
    [TestCase("ŁÓDŹ", "lodz")]
    public async Task Hashtag_names_are_normalised_like_mastodons(string tag, string channelTag)
    {
        var user = await Accounts.CreateAsync();
        var suffix = RandomNames.Lowercase(8);
        await using var socket = await WebSocketClient.ConnectAsync(Cluster.StreamingUrl, user.Token, stream: null);
        await socket.CommandAsync("subscribe", "hashtag:local", tag: tag + suffix);
        var id = Statuses.NewId();

        await Redis.PublishWhenListenedAsync(RedisChannels.Hashtag(channelTag + suffix, localOnly: true), Statuses.Update(id));

        var frame = await socket.WaitForEventAsync("update", e => e.Payload?["id"]?.GetValue<string>() == id, Deadline);
        Assert.That(frame.Stream, Is.EqualTo(new[] { "hashtag:local", tag + suffix }), "the stream name keeps the tag as the client wrote it");
    }

    [Test]
    public async Task A_user_who_chose_languages_sees_only_statuses_in_them_on_tag_streams()
    {
        var user = await Accounts.CreateAsync(chosenLanguages: ["de", "fr"]);
        var tag = RandomNames.Unique("tag");
        await using var socket = await WebSocketClient.ConnectAsync(Cluster.StreamingUrl, user.Token, "hashtag", extraQuery: new Dictionary<string, string> { ["tag"] = tag });
        string english = Statuses.NewId(), unknown = Statuses.NewId(), german = Statuses.NewId();

        await Redis.PublishAsync(RedisChannels.Hashtag(tag), Statuses.Update(english, "en"));
        await Redis.PublishAsync(RedisChannels.Hashtag(tag), Statuses.Update(unknown, language: null));
        await Redis.PublishAsync(RedisChannels.Hashtag(tag), Statuses.Update(german, "de"));

        var first = await socket.ReceiveJsonAsync(Deadline);
        Assert.That(PayloadId(first), Is.EqualTo(german));
    }

    private static string? PayloadId(JsonNode frame) => new StreamingEvent(frame).Payload?["id"]?.GetValue<string>();

    private static async Task AssertStillStreamsAsync(RawSocket socket, StreamingUser user)
    {
        var id = Statuses.NewId();
        await Redis.PublishAsync(RedisChannels.Timeline(user.AccountId), Statuses.Update(id));
        var frame = await socket.ReceiveAsync(Deadline);
        Assert.That(frame is null ? null : PayloadId(frame), Is.EqualTo(id));
    }
}
