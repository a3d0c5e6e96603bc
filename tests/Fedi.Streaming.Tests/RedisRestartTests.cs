using System.Net.WebSockets;
using Fedi.Core.Contracts;
using Fedi.Streaming.Tests.Support;
using Fedi.Testing;
using StackExchange.Redis;

namespace Fedi.Streaming.Tests;

/// <summary>
/// A Redis restart under a live socket, with the per-user channels received either way (STREAMING_USER_CHANNELS):
/// on a Redis of its own, so other tests keep theirs.
/// </summary>
[TestFixture("pattern")]
[TestFixture("subscribe")]
public sealed class RedisRestartTests(string userChannels)
{
    private TestRedis? _redis;
    private FediCluster? _cluster;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _redis = await TestRedis.StartOwnAsync();
        _cluster = await StreamingCluster.StartOwnInstanceAsync(_redis, userChannels);
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
        // Redis counts the receivers of each PUBLISH: none until the process has subscribed again (by channel or
        // by pattern), so exactly the first update that reached it is the one the client must get.
        var id = "";
        await Eventually.TrueAsync(async () => await probe.PublishAsync(channel, Statuses.Update(id = Statuses.NewId())) > 0,
            "the streaming process subscribes again");

        var frame = await socket.ReceiveAsync(TimeSpan.FromSeconds(5));
        Assert.That(socket.Socket.State, Is.EqualTo(WebSocketState.Open));
        Assert.That(new StreamingEvent(frame!).Payload!["id"]!.GetValue<string>(), Is.EqualTo(id));
        await Eventually.TrueAsync(() => probe.KeyExistsAsync(RedisKeys.Subscribed(channel)), "the subscribed: key is set again on the empty Redis");
    }
}
