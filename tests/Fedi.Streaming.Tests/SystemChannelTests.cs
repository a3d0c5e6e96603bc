using System.Net.WebSockets;
using Fedi.Core.Contracts;
using Fedi.Streaming.Tests.Support;
using Fedi.Testing;

namespace Fedi.Streaming.Tests;

/// <summary>kill on the system channels, subscribed: keys, and one Redis subscription per channel.</summary>
[Parallelizable(ParallelScope.Children)]
public sealed class SystemChannelTests : StreamingTest
{
    [Test]
    public async Task Kill_on_the_access_token_channel_closes_the_socket_within_a_second()
    {
        var user = await Accounts.CreateAsync();
        using var socket = await RawSocket.ConnectAsync(Cluster.StreamingWebSocketUrl, user.Token, "&stream=user");

        var receivers = await Redis.PublishAsync(RedisChannels.AccessToken(user.TokenId), StreamMessage.EncodeKill());

        Assert.That(receivers, Is.EqualTo(1));
        Assert.That(await socket.ReceiveAsync(TimeSpan.FromSeconds(1)), Is.Null, "the server closes instead of sending");
        Assert.That(socket.Socket.CloseStatus, Is.EqualTo(WebSocketCloseStatus.NormalClosure));
        await Redis.WaitForSubscribersAsync(RedisChannels.Timeline(user.AccountId), 0, atMost: true);
    }

    [Test]
    public async Task Kill_on_the_accounts_system_channel_closes_every_socket_of_the_account()
    {
        var user = await Accounts.CreateAsync();
        var (_, secondToken) = await Accounts.CreateTokenAsync(user);
        using var first = await RawSocket.ConnectAsync(Cluster.StreamingWebSocketUrl, user.Token, "&stream=user");
        using var second = await RawSocket.ConnectAsync(Cluster.StreamingWebSocketUrl, secondToken, "&stream=public");

        await Redis.PublishAsync(RedisChannels.System(user.AccountId), StreamMessage.EncodeKill());

        Assert.That(await first.ReceiveAsync(Deadline), Is.Null);
        Assert.That(await second.ReceiveAsync(Deadline), Is.Null);
    }

    [Test]
    public async Task Kill_for_another_token_leaves_the_socket_open()
    {
        var user = await Accounts.CreateAsync();
        var (otherTokenId, _) = await Accounts.CreateTokenAsync(user);
        using var socket = await RawSocket.ConnectAsync(Cluster.StreamingWebSocketUrl, user.Token, "&stream=user");
        await Redis.PublishAsync(RedisChannels.AccessToken(otherTokenId), StreamMessage.EncodeKill());
        await Redis.PublishAsync(RedisChannels.System(user.AccountId), """{"event":"filters_changed"}""");
        var id = Statuses.NewId();

        await Redis.PublishAsync(RedisChannels.Timeline(user.AccountId), Statuses.Update(id));

        var frame = await socket.ReceiveAsync(Deadline);
        Assert.That(new StreamingEvent(frame!).Payload!["id"]!.GetValue<string>(), Is.EqualTo(id), "filters_changed is not forwarded either");
    }

    [Test]
    public async Task The_subscribed_key_of_a_timeline_exists_while_someone_listens()
    {
        var user = await Accounts.CreateAsync(scopes: "read:statuses");
        var channel = RedisChannels.Timeline(user.AccountId);
        Assert.That(await Redis.KeyExistsAsync(RedisKeys.Subscribed(channel)), Is.False);

        await using var socket = await WebSocketClient.ConnectAsync(Cluster.StreamingUrl, user.Token, "user");

        Assert.That(await Redis.KeyExistsAsync(RedisKeys.Subscribed(channel)), Is.True);
        Assert.That(await Redis.KeyTimeToLiveAsync(RedisKeys.Subscribed(channel)), Is.LessThanOrEqualTo(RedisKeys.SubscribedTtl).And.GreaterThan(TimeSpan.Zero));
        Assert.That(await Redis.KeyExistsAsync(RedisKeys.Subscribed(RedisChannels.Notifications(user.AccountId))), Is.False,
            "a token without read:notifications does not listen to notifications");
        Assert.That(await Redis.KeyExistsAsync(RedisKeys.Subscribed(RedisChannels.AccessToken(user.TokenId))), Is.False,
            "system channels are not announced");
    }

    [Test]
    public async Task Two_sockets_on_the_same_channel_share_one_redis_subscription()
    {
        var alice = await Accounts.CreateAsync();
        var bob = await Accounts.CreateAsync();
        var tag = RandomNames.Unique("tag");
        var query = new Dictionary<string, string> { ["tag"] = tag };
        var channel = RedisChannels.Hashtag(tag);
        var first = await WebSocketClient.ConnectAsync(Cluster.StreamingUrl, alice.Token, "hashtag", extraQuery: query);
        var second = await WebSocketClient.ConnectAsync(Cluster.StreamingUrl, bob.Token, "hashtag", extraQuery: query);
        var id = Statuses.NewId();

        Assert.That(await Redis.SubscriberCountAsync(channel), Is.EqualTo(1));
        Assert.That(await Redis.PublishAsync(channel, Statuses.Update(id)), Is.EqualTo(1));
        Assert.That(new StreamingEvent(await first.ReceiveJsonAsync(Deadline)).Payload!["id"]!.GetValue<string>(), Is.EqualTo(id));
        Assert.That(new StreamingEvent(await second.ReceiveJsonAsync(Deadline)).Payload!["id"]!.GetValue<string>(), Is.EqualTo(id));

        await first.DisposeAsync();
        var after = Statuses.NewId();
        await Redis.PublishAsync(channel, Statuses.Update(after));
        Assert.That(new StreamingEvent(await second.ReceiveJsonAsync(Deadline)).Payload!["id"]!.GetValue<string>(), Is.EqualTo(after),
            "the channel stays subscribed while one listener is left");

        await second.DisposeAsync();
        await Redis.WaitForSubscribersAsync(channel, 0, atMost: true);
    }
}
