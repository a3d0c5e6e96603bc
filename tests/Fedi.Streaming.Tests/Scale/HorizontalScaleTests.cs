using Fedi.Core.Contracts;
using Fedi.Streaming.Tests.Support;
using Fedi.Testing;

namespace Fedi.Streaming.Tests.Scale;

/// <summary>
/// Horizontal scale: WebSocket clients spread over two streaming processes (as nginx's least_conn would
/// spread them) each receive every event published once on Redis, and nothing twice.
/// </summary>
public sealed class HorizontalScaleTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);
    private TwoStreamingInstances _instances = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _instances = await TwoStreamingInstances.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _instances.DisposeAsync();

    [Test]
    public async Task Public_stream_clients_on_both_instances_receive_every_event_exactly_once()
    {
        const int perInstance = 3;
        var clients = new List<WebSocketClient>();
        try
        {
            foreach (var url in _instances.Urls)
            {
                for (var i = 0; i < perInstance; i++)
                {
                    var user = await _instances.Accounts.CreateAsync();
                    clients.Add(await WebSocketClient.ConnectAsync(url, user.Token, "public"));
                }
            }
            await _instances.Redis.WaitForSubscribersAsync(RedisChannels.Public, _instances.Urls.Count);
            var ids = Enumerable.Range(0, 5).Select(_ => Statuses.NewId()).ToList();

            foreach (var id in ids)
                Assert.That(await _instances.Redis.PublishAsync(RedisChannels.Public, Statuses.Update(id)), Is.EqualTo(2), "one Redis subscription per instance");

            foreach (var client in clients)
            {
                var received = new List<string>();
                foreach (var _ in ids)
                {
                    var update = await client.WaitForEventAsync("update", null, Deadline);
                    received.Add(update.Payload!["id"]!.GetValue<string>());
                }
                Assert.That(received, Is.EqualTo(ids), "every event, in order, once");
            }
        }
        finally
        {
            foreach (var client in clients) await client.DisposeAsync();
        }
    }

    [Test]
    public async Task A_users_sockets_on_different_instances_all_receive_their_home_updates()
    {
        var user = await _instances.Accounts.CreateAsync();
        var (_, secondToken) = await _instances.Accounts.CreateTokenAsync(user);
        await using var first = await WebSocketClient.ConnectAsync(_instances.Urls[0], user.Token, "user");
        await using var second = await WebSocketClient.ConnectAsync(_instances.Urls[1], secondToken, "user");
        var id = Statuses.NewId();

        Assert.That(await _instances.Redis.PublishAsync(RedisChannels.Timeline(user.AccountId), Statuses.Update(id)), Is.EqualTo(2));

        foreach (var socket in new[] { first, second })
        {
            var update = await socket.WaitForEventAsync("update", null, Deadline);
            Assert.That(update.Payload!["id"]!.GetValue<string>(), Is.EqualTo(id));
        }
    }
}
