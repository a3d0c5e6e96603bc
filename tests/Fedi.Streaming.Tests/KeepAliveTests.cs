using System.Net.WebSockets;
using Fedi.Core.Contracts;
using Fedi.Streaming.Tests.Support;
using Fedi.Testing;

namespace Fedi.Streaming.Tests;

/// <summary>
/// Idle streams show they are alive, and a WebSocket peer that stops answering pings is dropped. Own instance
/// with STREAMING_HEARTBEAT_INTERVAL=1 (SSE heartbeat every second, pings every 2 s) instead of Mastodon's 15/30 s.
/// </summary>
public sealed class KeepAliveTests
{
    private const string WebSocketClients = """mastodon_streaming_connected_clients{type="websocket"}""";
    private FediCluster _instance = null!;

    [OneTimeSetUp]
    public async Task StartAsync() =>
        _instance = await StreamingCluster.StartOwnInstanceAsync(settings: new Dictionary<string, string> { ["STREAMING_HEARTBEAT_INTERVAL"] = "1" });

    [OneTimeTearDown]
    public async Task StopAsync() => await _instance.DisposeAsync();

    [Test]
    public async Task An_idle_event_stream_receives_heartbeat_comments()
    {
        var user = await new TestAccounts(_instance).CreateAsync();
        await using var events = await EventSourceClient.ConnectAsync(_instance.StreamingUrl, "/api/v1/streaming/user", user.Token);

        var lines = new List<string>();
        while (lines.Count(l => l == ":thump") < 2)
            lines.Add(await events.ReadLineAsync(TimeSpan.FromSeconds(10)) ?? throw new EndOfStreamException("The event stream ended"));

        Assert.That(lines[0], Is.EqualTo(":)"));
        Assert.That(lines.Skip(1).Where(l => l.Length > 0), Has.All.EqualTo(":thump"), "nothing but heartbeats while nothing is published");
    }

    [Test]
    public async Task A_websocket_peer_that_stops_answering_pings_is_dropped_and_one_that_answers_stays()
    {
        var accounts = new TestAccounts(_instance);
        var (silent, answering) = (await accounts.CreateAsync(), await accounts.CreateAsync());
        using var silentSocket = await RawSocket.ConnectAsync(_instance.StreamingWebSocketUrl, silent.Token, "&stream=user");
        using var answeringSocket = await RawSocket.ConnectAsync(_instance.StreamingWebSocketUrl, answering.Token, "&stream=user");
        // Pongs are sent while a receive is pending: this client answers, the silent one never reads.
        var received = answeringSocket.ReceiveAsync(TimeSpan.FromSeconds(60));

        await Eventually.TrueAsync(async () => await Metrics.ValueAsync(_instance, WebSocketClients) == 1,
            "the silent peer was dropped", TimeSpan.FromSeconds(30));

        Assert.That(await ReadsToTheEndAsync(silentSocket), Is.True, "the silent peer's connection is gone");
        using var redis = await StreamingCluster.RedisServer.ConnectAsync();
        var probe = new RedisProbe(redis, _instance.RedisNamespace);
        await probe.PublishAsync(RedisChannels.Timeline(answering.AccountId), Statuses.Update(Statuses.NewId()));
        var frame = await received;
        Assert.That(frame?["event"]?.GetValue<string>(), Is.EqualTo("update"), "the answering peer still streams");
    }

    /// <summary>True when reading the socket ends in a close or a broken connection rather than waiting for more.</summary>
    private static async Task<bool> ReadsToTheEndAsync(RawSocket socket)
    {
        try
        {
            while (await socket.ReceiveAsync(TimeSpan.FromSeconds(10)) is not null)
            {
            }
            return true;
        }
        catch (WebSocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
