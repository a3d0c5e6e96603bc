using System.Text.Json.Nodes;
using Fedi.Core.Contracts;
using Fedi.Streaming.Tests.Support;
using Fedi.Testing;

namespace Fedi.Streaming.Tests;

/// <summary>One socket holds at most 100 streams (STREAMING_MAX_STREAMS_PER_CONNECTION's default), the URL's stream included.</summary>
[Parallelizable(ParallelScope.Children)]
public sealed class StreamLimitTests : StreamingTest
{
    private const int Limit = 100;
    private const string Refusal = """{"error":"Too many streams on this connection","status":429}""";

    [Test]
    public async Task The_101st_stream_is_refused_with_an_error_frame_and_the_first_100_still_receive_events()
    {
        var (user, socket, tags) = await SubscribeOneTooManyAsync();
        await using var _ = socket;

        var refused = await PublishAsync(RedisChannels.Hashtag(tags[^1]));
        var expected = new HashSet<string?> { await PublishAsync(RedisChannels.Timeline(user.AccountId)) };
        foreach (var tag in tags[..^1]) expected.Add(await PublishAsync(RedisChannels.Hashtag(tag)));
        // Each channel is its own queue in the streaming process, so frames may come in any order: wait for all of them.
        var received = new HashSet<string?>();
        await socket.ReceiveUntilAsync(f => received.Add(PayloadId(f)) && expected.IsSubsetOf(received), Deadline);
        Assert.That(received, Does.Not.Contain(refused));
    }

    [Test]
    public async Task Unsubscribing_a_stream_frees_a_slot_for_another()
    {
        var (user, socket, tags) = await SubscribeOneTooManyAsync();
        await using var _ = socket;

        await socket.CommandAsync("unsubscribe", "hashtag", tag: tags[0]);
        await socket.CommandAsync("subscribe", "hashtag", tag: tags[^1]);

        var id = await PublishAsync(RedisChannels.Hashtag(tags[^1]), whenListened: true);
        var marker = await PublishAsync(RedisChannels.Timeline(user.AccountId));
        // Channels are separate queues in the streaming process: the two frames may come in either order.
        var seen = new HashSet<string?>();
        var frames = await socket.ReceiveUntilAsync(f => seen.Add(PayloadId(f)) && seen.Contains(id) && seen.Contains(marker), Deadline);
        Assert.That(frames.Select(PayloadId), Does.Contain(id));
        Assert.That(frames.Select(f => f["error"]), Is.All.Null);
    }

    /// <summary>
    /// A socket on the user stream plus 99 hashtags (its 100 streams), then a subscribe to the last of
    /// <c>tags</c>, which must be answered with the refusal.
    /// </summary>
    private static async Task<(StreamingUser User, WebSocketClient Socket, string[] Tags)> SubscribeOneTooManyAsync()
    {
        var user = await Accounts.CreateAsync();
        var prefix = RandomNames.Unique("cap");
        var tags = Enumerable.Range(1, Limit).Select(i => $"{prefix}x{i}").ToArray();
        var socket = await WebSocketClient.ConnectAsync(Cluster.StreamingUrl, user.Token, stream: "user");
        foreach (var tag in tags) await socket.CommandAsync("subscribe", "hashtag", tag: tag);
        Assert.That((await socket.ReceiveJsonAsync(Deadline)).ToJsonString(), Is.EqualTo(Refusal));
        return (user, socket, tags);
    }

    private static async Task<string> PublishAsync(string channel, bool whenListened = false)
    {
        var id = Statuses.NewId();
        if (whenListened) await Redis.PublishWhenListenedAsync(channel, Statuses.Update(id));
        else await Redis.PublishAsync(channel, Statuses.Update(id));
        return id;
    }

    private static string? PayloadId(JsonNode frame) => new StreamingEvent(frame).Payload?["id"]?.GetValue<string>();
}
