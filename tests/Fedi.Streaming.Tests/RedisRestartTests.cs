using System.Net.WebSockets;
using Fedi.Core.Contracts;
using Fedi.Streaming.Tests.Support;
using Fedi.Testing;
using StackExchange.Redis;

namespace Fedi.Streaming.Tests;

/// <summary>A Redis restart under a live socket: on a Redis of its own, so other tests keep theirs.</summary>
public sealed class RedisRestartTests
{
    private TestRedis? _redis;
    private FediCluster? _cluster;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _redis = await TestRedis.StartOwnAsync();
        _cluster = await StreamingCluster.StartOwnInstanceAsync(_redis);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
        if (_redis is not null) await _redis.DisposeAsync();
    }

    [Test]
    public async Task The_socket_survives_a_redis_restart_and_receives_what_is_published_after_it()
    {
        var cluster = _cluster!;
        var user = await new TestAccounts(cluster).CreateAsync();
        using var socket = await RawSocket.ConnectAsync(cluster.StreamingWebSocketUrl, user.Token, "&stream=user");

        await _redis!.StopAsync();
        await _redis.StartAgainAsync();

        await using var redis = await _redis.ConnectAsync();
        var probe = new RedisProbe(redis, cluster.RedisNamespace);
        var channel = RedisChannels.Timeline(user.AccountId);
        await probe.WaitForSubscribersAsync(channel, 1);
        var id = Statuses.NewId();
        await probe.PublishAsync(channel, Statuses.Update(id));

        var frame = await socket.ReceiveAsync(TimeSpan.FromSeconds(5));
        Assert.That(socket.Socket.State, Is.EqualTo(WebSocketState.Open));
        Assert.That(new StreamingEvent(frame!).Payload!["id"]!.GetValue<string>(), Is.EqualTo(id));
        await Eventually.TrueAsync(() => probe.KeyExistsAsync(RedisKeys.Subscribed(channel)), "the subscribed: key is set again on the empty Redis");
    }
}
