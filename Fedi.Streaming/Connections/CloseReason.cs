using System.Net.WebSockets;

namespace Fedi.Streaming.Connections;

/// <summary>Why a connection ends, as the WebSocket close frame states it (SSE responses just end).</summary>
public sealed record CloseReason(WebSocketCloseStatus Status, string Description)
{
    /// <summary>The client closed first; we answer in kind.</summary>
    public static readonly CloseReason ClientClosed = new(WebSocketCloseStatus.NormalClosure, "");

    /// <summary><c>kill</c> on the token's or the account's system channel: revoked token, suspended or
    /// disabled account. Mastodon closes without a code; 1000 says "done, nothing wrong with the protocol".</summary>
    public static readonly CloseReason Killed = new(WebSocketCloseStatus.NormalClosure, "Session ended");

    /// <summary>SIGTERM: 1001 tells clients to reconnect, to another instance behind the balancer.</summary>
    public static readonly CloseReason ServerShutdown = new(WebSocketCloseStatus.EndpointUnavailable, "Server shutting down");

    /// <summary>
    /// The outgoing queue filled up: the client does not read as fast as events arrive. 1008 (policy
    /// violation) rather than 1013 (try again later): the fault is the client's reading, not the server's
    /// load, and 1013 invites an immediate reconnect that would end the same way. A client that reads
    /// nothing has a full TCP window, so in practice the close frame cannot reach it and the connection is
    /// aborted; the code is what we log and what a client that is merely slow still receives.
    /// </summary>
    public static readonly CloseReason TooSlow = new(WebSocketCloseStatus.PolicyViolation, "Client is not reading its stream fast enough");

    public static readonly CloseReason BinaryMessage = new(WebSocketCloseStatus.InvalidMessageType, "The streaming server does not support binary messages");

    public static readonly CloseReason MessageTooBig = new(WebSocketCloseStatus.MessageTooBig, "Message too big");

    /// <summary>The transport failed (network, missed pong); nothing can be sent any more.</summary>
    public static readonly CloseReason ConnectionLost = new(WebSocketCloseStatus.EndpointUnavailable, "Connection lost");
}
