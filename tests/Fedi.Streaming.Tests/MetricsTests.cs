using Fedi.Core.Contracts;
using Fedi.Streaming.Tests.Support;
using Fedi.Testing;

namespace Fedi.Streaming.Tests;

/// <summary>What an operator's dashboard reads from /metrics, under Mastodon's metric names.</summary>
public sealed class MetricsTests : StreamingTest
{
    [Test]
    public async Task Connected_clients_redis_subscriptions_and_sent_messages_are_exported()
    {
        var user = await Accounts.CreateAsync();
        await using var socket = await WebSocketClient.ConnectAsync(Cluster.StreamingUrl, user.Token, "user");
        await using var events = await EventSourceClient.ConnectAsync(Cluster.StreamingUrl, "/api/v1/streaming/user", user.Token);
        Assert.That(await events.ReadLineAsync(TimeSpan.FromSeconds(5)), Is.EqualTo(":)"));
        await Redis.PublishAsync(RedisChannels.Timeline(user.AccountId), Statuses.Update(Statuses.NewId()));
        await socket.ReceiveJsonAsync(TimeSpan.FromSeconds(5));

        Assert.That(await Metrics.ValueAsync(Cluster, """mastodon_streaming_connected_clients{type="websocket"}"""), Is.GreaterThanOrEqualTo(1));
        Assert.That(await Metrics.ValueAsync(Cluster, """mastodon_streaming_connected_clients{type="eventsource"}"""), Is.GreaterThanOrEqualTo(1));
        Assert.That(await Metrics.ValueAsync(Cluster, "mastodon_streaming_redis_subscriptions"), Is.GreaterThanOrEqualTo(4));
        Assert.That(await Metrics.ValueAsync(Cluster, """mastodon_streaming_messages_sent_total{type="websocket"}"""), Is.GreaterThanOrEqualTo(1));
    }
}
