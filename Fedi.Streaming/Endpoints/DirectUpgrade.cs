using System.Diagnostics;
using System.IO.Pipelines;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using Fedi.Core.Errors;
using Fedi.Streaming.Auth;
using Fedi.Streaming.Connections;
using Microsoft.AspNetCore.Connections;

namespace Fedi.Streaming.Endpoints;

/// <summary>
/// Kestrel connection middleware: a connection whose first request is a streaming WebSocket upgrade is upgraded
/// here, before Kestrel's HTTP/1 layer exists for it. Through that layer every upgraded socket kept its
/// connection state for its whole life (request and response headers, HttpContext, the HTTP pipes and timeout
/// control: ~8.4 KiB of the ~14.5 KiB live per idle socket, tests/Fedi.Benchmarks.Streaming), and each handshake
/// paid for parsing and features nothing here reads. Whatever is not a plain upgrade with a valid token (errors
/// need Mastodon's HTTP answers) goes on, unread, to the ordinary pipeline and <see cref="WebSocketEndpoint"/>.
/// </summary>
public sealed class DirectUpgrade(WebSocketEndpoint endpoint, StreamingAuthenticator authenticator, StreamingOptions options, ILogger<DirectUpgrade> logger)
{
    /// <summary>A client that has not sent its request by then is left to Kestrel's own header timeout.</summary>
    private static readonly TimeSpan FirstRequestWait = TimeSpan.FromSeconds(10);

    private static readonly byte[] WebSocketGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"u8.ToArray();

    public async Task OnConnectionAsync(ConnectionContext context, ConnectionDelegate next)
    {
        // The request is read and the connection prepared in a method of its own, so the parsed request, its
        // query and the read buffer are not kept in this frame for the socket's life (~0.5 KiB per idle socket).
        if (await TryUpgradeAsync(context) is not var (prepared, initialError, path, response))
        {
            await next(context);
            return;
        }
        var started = Stopwatch.GetTimestamp();
        await using var connection = prepared;
        try
        {
            await context.Transport.Output.WriteAsync(response, context.ConnectionClosed);
            response = null; // nor the answer's bytes
            using var socket = WebSocket.CreateFromStream(new TransportStream(context.Transport), new WebSocketCreationOptions
            {
                IsServer = true,
                SubProtocol = connection.Credentials.SubProtocol,
                KeepAliveInterval = options.KeepAlive.WebSocketPing,
                KeepAliveTimeout = options.KeepAlive.WebSocketPing,
            });
            await endpoint.RunAsync(connection, initialError, socket);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ConnectionResetException)
        {
            // The client left during the handshake.
        }
        finally
        {
            logger.LogSocketEnded(path, StatusCodes.Status101SwitchingProtocols, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>
    /// The prepared connection and its 101 answer, the request's bytes consumed; null (nothing consumed nor examined,
    /// so Kestrel parses the same bytes at once) when the ordinary pipeline must take the connection.
    /// </summary>
    private async Task<(WebSocketConnection Connection, byte[]? InitialError, string Path, byte[]? Response)?> TryUpgradeAsync(ConnectionContext context)
    {
        var input = context.Transport.Input;
        ReadResult read;
        UpgradeRequest? request;
        long length;
        try
        {
            using var wait = new CancellationTokenSource(FirstRequestWait);
            while (true)
            {
                read = await input.ReadAsync(wait.Token);
                if (UpgradeRequest.TryRead(read.Buffer, out request, out length) || read.IsCompleted || read.Buffer.Length > UpgradeRequest.MaxHeaderBytes) break;
                input.AdvanceTo(read.Buffer.Start, read.Buffer.End); // wait for the rest of the headers
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        var prepared = request is null ? null : await TryPrepareAsync(request, context.ConnectionClosed);
        if (prepared is not { } stream)
        {
            input.AdvanceTo(read.Buffer.Start);
            return null;
        }
        input.AdvanceTo(read.Buffer.GetPosition(length));
        return (stream.Connection, stream.InitialError, request!.Path, SwitchingProtocols(request, stream.Connection.Credentials.SubProtocol, context.ConnectionId));
    }

    /// <summary>Null when the ordinary pipeline must answer: no or a bad token (401), PostgreSQL or Redis down (503).</summary>
    private async Task<(WebSocketConnection Connection, byte[]? InitialError)?> TryPrepareAsync(UpgradeRequest request, CancellationToken aborted)
    {
        var (secret, subProtocol) = TokenSource.Read(request.Authorization, request.Query["access_token"].ToString(), request.Protocols);
        try
        {
            var credentials = await authenticator.AuthenticateAsync(secret, subProtocol, aborted);
            return await endpoint.PrepareAsync(credentials, request.Query, aborted);
        }
        catch (ApiException)
        {
            return null;
        }
    }

    internal static byte[] SwitchingProtocols(UpgradeRequest request, string? subProtocol, string connectionId)
    {
        var accept = Convert.ToBase64String(SHA1.HashData([.. Encoding.ASCII.GetBytes(request.Key), .. WebSocketGuid]));
        var text = new StringBuilder(192)
            .Append("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Accept: ").Append(accept).Append("\r\n");
        if (subProtocol is not null) text.Append("Sec-WebSocket-Protocol: ").Append(subProtocol).Append("\r\n");
        // Kestrel's TraceIdentifier shape for a connection's first request.
        text.Append("X-Request-Id: ").Append(connectionId).Append(":00000001\r\n\r\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
