using System.IO.Pipelines;
using System.Net.WebSockets;
using System.Text;
using Fedi.Core.Contracts;
using Fedi.Core.OAuth;
using Fedi.Core.Redis;
using Fedi.Streaming.Auth;
using Fedi.Streaming.Connections;
using Fedi.Streaming.Endpoints;
using Fedi.Streaming.Subscriptions;

namespace Fedi.Streaming.Startup;

/// <summary>
/// One in-memory client: its upgrade request parsed and answered as <see cref="DirectUpgrade"/> does, then events
/// published on a Redis channel of this process's own, dispatched by the hub, framed and sent through a
/// <see cref="WebSocketConnection"/>'s queue and writer loop over pipes: the code a real socket runs, without a network.
/// </summary>
internal static class SocketWarmUp
{
    private const int Events = 40;

    private static readonly byte[] Request = Encoding.ASCII.GetBytes(
        "GET /api/v1/streaming?stream=public&access_token=warm-up HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n" +
        "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");

    private static readonly string Message = StreamMessage.Encode(StreamEvents.Update,
        """{"id":"1","content":"<p>warm-up</p>","language":"en","account":{"id":"1","acct":"warm"},"mentions":[],"tags":[]}""");

    public static async Task RunAsync(StreamingOptions options, ChannelHub hub, RedisConnection redis, CancellationToken ct)
    {
        UpgradeRequest.TryRead(new(Request), out var request, out _);
        _ = DirectUpgrade.SwitchingProtocols(request!, null, "warm-up");

        Pipe toServer = new(), toClient = new();
        using var server = WebSocket.CreateFromStream(new TransportStream(new Duplex(toServer.Reader, toClient.Writer)),
            new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = options.KeepAlive.WebSocketPing });
        using var client = WebSocket.CreateFromStream(new TransportStream(new Duplex(toClient.Reader, toServer.Writer)),
            new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = Timeout.InfiniteTimeSpan });
        var credentials = new StreamingCredentials(new AccessToken { Scopes = "read", AccountId = 0 }, null);
        await using var connection = new WebSocketConnection(credentials, hub, [], ct);
        // A channel no producer knows: only this process hears it.
        var channel = "streaming:warm-up:" + Guid.NewGuid().ToString("N");
        await connection.SubscribeAsync(new ResolvedStream(StreamNames.Public, [StreamNames.Public], [channel], NeedsFiltering: false));
        var running = connection.RunAsync(server, _ => Task.CompletedTask);

        var buffer = new byte[4096];
        for (var i = 0; i < Events; i++)
        {
            await redis.Subscriber.PublishAsync(StackExchange.Redis.RedisChannel.Literal(channel), Message);
            await client.ReceiveAsync(buffer.AsMemory(), ct);
        }
        await client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct);
        await running.WaitAsync(ct);
    }

    private sealed record Duplex(PipeReader Input, PipeWriter Output) : IDuplexPipe;
}
