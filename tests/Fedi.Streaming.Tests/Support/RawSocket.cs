using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Fedi.Streaming.Tests.Support;

/// <summary>A bare ClientWebSocket for what <c>WebSocketClient</c> does not do: raw text, binary, not reading at all.</summary>
public sealed class RawSocket : IDisposable
{
    private RawSocket(ClientWebSocket socket) => Socket = socket;

    public ClientWebSocket Socket { get; }

    public static async Task<RawSocket> ConnectAsync(string webSocketUrl, string token, string query = "")
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"{webSocketUrl}/api/v1/streaming?access_token={token}{query}"), CancellationToken.None);
        return new RawSocket(socket);
    }

    public Task SendTextAsync(string text) =>
        Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public Task SendBinaryAsync(byte[] bytes) => Socket.SendAsync(bytes, WebSocketMessageType.Binary, true, CancellationToken.None);

    /// <summary>The next whole message: a JSON frame, or null when the server closed.</summary>
    public async Task<JsonNode?> ReceiveAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await Socket.ReceiveAsync(buffer, cts.Token);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return JsonNode.Parse(message.ToArray());
        }
    }

    public void Dispose() => Socket.Dispose();
}
