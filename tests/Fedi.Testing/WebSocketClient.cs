using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Fedi.Testing;

/// <summary>
/// A client of the Mastodon streaming API over WebSocket (<c>/api/v1/streaming</c>). Frames are read by a
/// background loop into a queue, so a test can wait with a timeout without aborting the socket.
/// </summary>
public sealed class WebSocketClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly Channel<JsonNode> _frames = Channel.CreateUnbounded<JsonNode>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;

    private WebSocketClient(ClientWebSocket socket)
    {
        _socket = socket;
        _reading = Task.Run(ReadLoopAsync);
    }

    /// <summary>The socket's state.</summary>
    public WebSocketState State => _socket.State;

    /// <summary>The close status the server sent, once closed.</summary>
    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    /// <summary>The subprotocol the server accepted (the token, when sent that way).</summary>
    public string? SubProtocol => _socket.SubProtocol;

    /// <summary>
    /// Connects to <c>&lt;streamingUrl&gt;/api/v1/streaming?stream=…&amp;access_token=…</c>.
    /// </summary>
    /// <param name="streamingUrl">The streaming tier (<c>ws://</c>/<c>wss://</c>, or <c>http://</c>/<c>https://</c>, which become those).</param>
    /// <param name="accessToken">The user token, or null for public streams.</param>
    /// <param name="stream">The stream to subscribe on connect (<c>user</c>, <c>public</c>, <c>hashtag</c>…), or null for none.</param>
    /// <param name="tokenInProtocolHeader">Send the token as <c>Sec-WebSocket-Protocol</c> instead of in the query, as the web UI does.</param>
    /// <param name="extraQuery">More query parameters, e.g. <c>tag</c> or <c>list</c>.</param>
    /// <param name="configure">Adjusts the socket's options before connecting, e.g. which TLS certificate to trust.</param>
    /// <param name="ct">Cancels the handshake.</param>
    public static async Task<WebSocketClient> ConnectAsync(
        string streamingUrl,
        string? accessToken,
        string? stream = "user",
        bool tokenInProtocolHeader = false,
        IReadOnlyDictionary<string, string>? extraQuery = null,
        Action<ClientWebSocketOptions>? configure = null,
        CancellationToken ct = default)
    {
        var query = new List<KeyValuePair<string, string>>();
        if (stream is not null)
            query.Add(new("stream", stream));
        if (accessToken is not null && !tokenInProtocolHeader)
            query.Add(new("access_token", accessToken));
        query.AddRange(extraQuery ?? new Dictionary<string, string>());
        var socket = new ClientWebSocket();
        if (accessToken is not null && tokenInProtocolHeader)
            socket.Options.AddSubProtocol(accessToken);
        configure?.Invoke(socket.Options);
        try
        {
            await socket.ConnectAsync(StreamingUri(streamingUrl, query), ct);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new WebSocketClient(socket);
    }

    /// <summary>The next frame as JSON. Throws <see cref="TimeoutException"/> after <paramref name="timeout"/>, and <see cref="WebSocketException"/> once the socket closed.</summary>
    public async Task<JsonNode> ReceiveJsonAsync(TimeSpan timeout, CancellationToken ct = default)
    {
        try
        {
            return await _frames.Reader.ReadAsync(ct).AsTask().WaitAsync(timeout, ct);
        }
        catch (ChannelClosedException e)
        {
            throw new WebSocketException($"The streaming socket is closed ({CloseStatus} {_socket.CloseStatusDescription}).", e);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No streaming frame within {timeout}.");
        }
    }

    /// <summary>
    /// The next event named <paramref name="eventName"/> that matches <paramref name="predicate"/>; other frames are skipped.
    /// Throws <see cref="TimeoutException"/> (listing what was skipped) after <paramref name="timeout"/>.
    /// </summary>
    public async Task<StreamingEvent> WaitForEventAsync(
        string eventName, Func<StreamingEvent, bool>? predicate, TimeSpan timeout, CancellationToken ct = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        var skipped = new List<string>();
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            JsonNode frame;
            try
            {
                frame = await ReceiveJsonAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, ct);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"No \"{eventName}\" event matched within {timeout}. Skipped: [{string.Join(", ", skipped)}]");
            }
            var streamingEvent = new StreamingEvent(frame);
            if (streamingEvent.Event == eventName && (predicate is null || predicate(streamingEvent)))
                return streamingEvent;
            skipped.Add(streamingEvent.ToString());
        }
    }

    /// <summary>Sends a JSON message, e.g. <c>new { type = "subscribe", stream = "public" }</c>.</summary>
    public Task SendJsonAsync(object message, CancellationToken ct = default)
    {
        var bytes = message is JsonNode node
            ? Encoding.UTF8.GetBytes(node.ToJsonString())
            : JsonSerializer.SerializeToUtf8Bytes(message, message.GetType());
        return _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct);
    }

    /// <summary>Closes the socket politely (normal closure) and stops reading.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "test done", timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The server went first; nothing to close.
        }
        await _stop.CancelAsync();
        await _reading;
        _socket.Dispose();
        _stop.Dispose();
    }

    private static Uri StreamingUri(string streamingUrl, IEnumerable<KeyValuePair<string, string>> query)
    {
        var baseUrl = streamingUrl.TrimEnd('/');
        if (baseUrl.StartsWith("http", StringComparison.Ordinal))
            baseUrl = "ws" + baseUrl["http".Length..];
        var queryString = string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return new Uri($"{baseUrl}/api/v1/streaming{(queryString.Length > 0 ? "?" + queryString : "")}");
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[16 * 1024];
        var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                    break;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                    continue;
                _frames.Writer.TryWrite(ParseFrame(message.ToArray()));
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Closed or aborted: readers see the channel complete.
        }
        finally
        {
            _frames.Writer.TryComplete();
        }
    }

    // Mastodon sends JSON only; anything else is kept as a string so a test can see what came.
    private static JsonNode ParseFrame(byte[] bytes)
    {
        try
        {
            return JsonNode.Parse(bytes) ?? JsonValue.Create("null");
        }
        catch (JsonException)
        {
            return JsonValue.Create(Encoding.UTF8.GetString(bytes));
        }
    }
}
