using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using Fedi.Streaming.Auth;
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

    private WebSocket? _socket;

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
        // The connection's ONE registration on its abort token, instead of one per frame sent and one on each
        // pending wait and receive (each an idle cost per socket): tearing the socket down ends a send stuck on a
        // client that stopped reading, and the pending receive; completing the queue ends the wait below.
        _socket = socket;
        using var abortSend = Aborted.Register(static state => ((WebSocketConnection)state!).OnAborted(), this);
        try
        {
            while (await Outgoing.WaitToReadAsync(CancellationToken.None))
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

    private void OnAborted()
    {
        Close(CloseReason.ConnectionLost); // keeps the reason already given, if any
        _socket?.Abort();
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
                // Uncancellable: an abort ends it by tearing the socket down (OnAborted, or RunAsync's timeout).
                var result = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
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
