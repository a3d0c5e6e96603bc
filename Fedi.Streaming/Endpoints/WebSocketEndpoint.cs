using System.Diagnostics;
using System.Net.WebSockets;
using Fedi.Core.Errors;
using Fedi.Core.Lists;
using Fedi.Streaming.Auth;
using Fedi.Streaming.Connections;
using Fedi.Streaming.Filtering;
using Fedi.Streaming.Subscriptions;
using StackExchange.Redis;

namespace Fedi.Streaming.Endpoints;

/// <summary>
/// <c>GET /api/v1/streaming</c> upgraded to a WebSocket: authenticate (errors answered as plain HTTP before
/// the upgrade), subscribe the system channels, then the <c>?stream=</c> of the URL if any, then whatever
/// the client asks for with subscribe/unsubscribe messages. Pings every 30 s (<see cref="KeepAlive"/>); no pong by the next ping drops it.
/// </summary>
public sealed class WebSocketEndpoint(
    StreamingAuthenticator authenticator,
    ListStore lists,
    ChannelHub hub,
    ConnectionRegistry registry,
    IEnumerable<IStreamFilter> filters,
    StreamingOptions options,
    ILogger<WebSocketEndpoint> logger)
{
    public const string UnsubscribeFailed = "Error unsubscribing from channel";

    private readonly IStreamFilter[] _filters = filters.ToArray();

    public async Task HandleAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            http.Response.Headers["X-Request-Id"] = http.TraceIdentifier;
            StreamingCredentials credentials;
            try
            {
                credentials = await authenticator.AuthenticateAsync(http.Request, http.RequestAborted);
            }
            catch (ApiException e)
            {
                await ErrorResponses.WriteAsync(http, e);
                return;
            }

            var prepared = await PrepareAsync(credentials, http.Request.Query, http.RequestAborted);
            if (prepared is not { } stream)
            {
                await ErrorResponses.WriteAsync(http, 503, StreamingAuthenticator.Unavailable);
                return;
            }
            await using var connection = stream.Connection;
            using var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
            {
                SubProtocol = credentials.SubProtocol,
                KeepAliveInterval = options.KeepAlive.WebSocketPing,
                KeepAliveTimeout = options.KeepAlive.WebSocketPing,
            });
            await RunAsync(connection, stream.InitialError, socket);
        }
        finally
        {
            logger.LogSocketEnded(http.Request.Path, http.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>
    /// The connection with its system channels and the URL's stream subscribed, before the upgrade, so the client
    /// misses nothing published once its handshake completes; a refused stream is still answered as an error frame
    /// after it (<paramref name="query"/>'s stream), as Mastodon does. Null when Redis or PostgreSQL failed: answer 503.
    /// </summary>
    internal async Task<(WebSocketConnection Connection, byte[]? InitialError)?> PrepareAsync(StreamingCredentials credentials, IQueryCollection query, CancellationToken aborted)
    {
        var (initial, initialError) = await InitialStreamAsync(query, credentials, aborted);
        var connection = new WebSocketConnection(credentials, hub, _filters, aborted);
        if (await StreamSetup.TrySubscribeAsync(connection, logger, initial, aborted)) return (connection, initialError);
        await connection.DisposeAsync();
        return null;
    }

    /// <summary>Streams on an accepted socket until it ends.</summary>
    internal async Task RunAsync(WebSocketConnection connection, byte[]? initialError, WebSocket socket)
    {
        registry.Add(connection);
        try
        {
            if (initialError is not null) connection.Send(initialError);
            await connection.RunAsync(socket, text => OnClientMessageAsync(connection, text));
        }
        finally
        {
            registry.Remove(connection);
        }
    }

    private async Task<(ResolvedStream? Stream, byte[]? Error)> InitialStreamAsync(IQueryCollection query, StreamingCredentials credentials, CancellationToken ct)
    {
        if (!query.ContainsKey("stream")) return (null, null);
        try
        {
            var request = new StreamRequest(query["stream"].FirstOrDefault(), query["tag"].FirstOrDefault(), query["list"].FirstOrDefault());
            return (await StreamResolver.ResolveAsync(credentials, request, lists, ct), null);
        }
        catch (ApiException e)
        {
            return (null, StreamFrames.Error(e.Error, e.Status));
        }
    }

    private async Task OnClientMessageAsync(WebSocketConnection connection, string text)
    {
        var message = ClientMessage.Parse(text);
        if (message is null) return; // Mastodon ignores what it cannot parse, and so do we
        if (message.Type == ClientMessage.Subscribe) await SubscribeAsync(connection, message.Request);
        else if (message.Type == ClientMessage.Unsubscribe) await UnsubscribeAsync(connection, message.Request);
    }

    private async Task SubscribeAsync(WebSocketConnection connection, StreamRequest request)
    {
        try
        {
            await connection.SubscribeAsync(await StreamResolver.ResolveAsync(connection.Credentials, request, lists, CancellationToken.None),
                options.MaxStreamsPerConnection);
        }
        catch (ApiException e)
        {
            connection.Send(StreamFrames.Error(e.Error, e.Status));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogSubscribeFailed(request.Stream, e);
            connection.Send(StreamFrames.Error(StreamingAuthenticator.Unavailable, 503));
        }
    }

    private async Task UnsubscribeAsync(WebSocketConnection connection, StreamRequest request)
    {
        try
        {
            await connection.UnsubscribeAsync(StreamResolver.Channels(connection.Credentials, request.Stream ?? "", request));
        }
        catch (ApiException)
        {
            connection.Send(StreamFrames.Error(UnsubscribeFailed, null));
        }
    }
}
