using System.Net.WebSockets;
using Fedi.Core.Contracts;
using Fedi.Streaming.Tests.Support;
using Fedi.Testing;

namespace Fedi.Streaming.Tests;

/// <summary>A client that stops reading is dropped; the server does not buffer for it without bound.</summary>
public sealed class SlowClientTests : StreamingTest
{
    private const int Published = 1000;

    [Test]
    public async Task A_client_that_never_reads_is_disconnected_instead_of_buffered()
    {
        var user = await Accounts.CreateAsync();
        var tag = RandomNames.Unique("tag");
        var channel = RedisChannels.Hashtag(tag);
        using var socket = await RawSocket.ConnectAsync(Cluster.StreamingWebSocketUrl, user.Token, $"&stream=hashtag&tag={tag}");
        var content = new string('x', 64 * 1024);

        for (var i = 0; i < Published; i++)
            await Redis.PublishAsync(channel, Statuses.Update(Statuses.NewId(), content: content));

        // The server gives up on the client: its subscription goes away although the client never closed.
        await Redis.WaitForSubscribersAsync(channel, 0, atMost: true);
        Assert.That(await Metrics.ValueAsync(Cluster, """fedi_streaming_slow_clients_disconnected_total{type="websocket"}"""), Is.GreaterThanOrEqualTo(1));
        var received = await DrainAsync(socket.Socket);
        Assert.That(received, Is.LessThan(Published), "the connection ended before everything was sent");
    }

    /// <summary>Reads what reached the client before the connection ended; counts whole frames.</summary>
    private static async Task<int> DrainAsync(ClientWebSocket socket)
    {
        var buffer = new byte[256 * 1024];
        var frames = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close) return frames;
                if (result.EndOfMessage) frames++;
            }
        }
        catch (WebSocketException)
        {
            return frames;
        }
    }
}
