using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using Fedi.Streaming.Auth;
using Fedi.Streaming.Filtering;
using Fedi.Streaming.Subscriptions;

namespace Fedi.Streaming.Connections;

/// <summary>
/// A WebSocket client: a writer loop draining the queue and a reader loop handing text messages (subscribe,
/// unsubscribe) to the endpoint one at a time. Binary messages close with 1003.
/// </summary>
public sealed class WebSocketConnection(StreamingCredentials credentials, ChannelHub hub, IReadOnlyList<IStreamFilter> filters, CancellationToken requestAborted)
    : StreamConnection(StreamingMetrics.WebSocket, credentials, hub, filters, requestAborted)
{
    /// <summary>Subscribe messages are tiny; anything bigger is not one.</summary>
    public const int MaxClientMessageBytes = 16 * 1024;

    /// <summary>
    /// The read buffer every idle connection holds while it waits for the client: subscribe messages are
    /// under 100 bytes, and longer ones are assembled across reads, so 4 KiB per socket bought nothing.
    /// </summary>
    private const int ReadBufferBytes = 256;

    /// <summary>How long we wait for the client's answer to our close frame before dropping the TCP connection.</summary>
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    public override byte[] Frame(ChannelEvent channelEvent, StreamSubscription subscription) =>
        channelEvent.WebSocketFrame(subscription.StreamNameJson);

    /// <summary>Runs until the socket is closed or dropped.</summary>
    public async Task RunAsync(WebSocket socket, Func<string, Task> onText)
    {
        var reader = ReadAsync(socket, onText);
        await WriteAsync(socket);
        if (!reader.IsCompleted) await Task.WhenAny(reader, Task.Delay(CloseHandshakeTimeout));
        if (!reader.IsCompleted) socket.Abort();
        await reader;
    }

    private async Task WriteAsync(WebSocket socket)
    {
        // One registration per connection instead of one per frame: a send stuck on a client that stopped
        // reading ends when the abort tears the socket down (measured: fan-out CPU is mostly per-frame cost).
        using var abortSend = Aborted.Register(static state => ((WebSocket)state!).Abort(), socket);
        try
        {
            while (await Outgoing.WaitToReadAsync(Aborted))
            {
                while (Outgoing.TryRead(out var frame))
                    await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
            var reason = CloseReason ?? CloseReason.ClientClosed;
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Aborted);
                timeout.CancelAfter(CloseHandshakeTimeout);
                await socket.CloseOutputAsync(reason.Status, reason.Description, timeout.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            Abort(CloseReason.ConnectionLost);
            socket.Abort();
        }
    }

    private async Task ReadAsync(WebSocket socket, Func<string, Task> onText)
    {
        var buffer = new byte[ReadBufferBytes];
        ArrayBufferWriter<byte>? message = null; // only while a message spans several reads
        var discarding = false;
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), Aborted);
                switch (result.MessageType)
                {
                    case WebSocketMessageType.Close:
                        Close(CloseReason.ClientClosed);
                        return;
                    case WebSocketMessageType.Binary:
                        Close(CloseReason.BinaryMessage);
                        continue;
                }
                if (CloseReason is not null) continue; // closing: only the client's close frame matters now
                if (result.EndOfMessage && message is null && !discarding)
                {
                    await onText(Encoding.UTF8.GetString(buffer, 0, result.Count));
                    continue;
                }
                message ??= new ArrayBufferWriter<byte>(ReadBufferBytes * 4);
                if (!discarding) message.Write(buffer.AsSpan(0, result.Count));
                if (message.WrittenCount > MaxClientMessageBytes)
                {
                    Close(CloseReason.MessageTooBig);
                    discarding = true;
                }
                if (!result.EndOfMessage) continue;
                if (!discarding) await onText(Encoding.UTF8.GetString(message.WrittenSpan));
                message = null;
                discarding = false;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
        {
            Abort(CloseReason.ConnectionLost);
        }
    }
}
