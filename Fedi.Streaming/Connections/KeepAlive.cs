namespace Fedi.Streaming.Connections;

/// <summary>
/// How often idle streams show they are alive, at Mastodon's cadence by default: an SSE <c>:thump</c> comment
/// every 15 s and a WebSocket ping every 30 s (a peer that has not answered by the next ping is dropped).
/// The heartbeat comes from <see cref="StreamingOptions"/>; pings keep going at twice the heartbeat.
/// </summary>
public sealed record KeepAlive(TimeSpan EventSourceHeartbeat, TimeSpan WebSocketPing)
{
    public static KeepAlive Every(TimeSpan heartbeat) => new(heartbeat, heartbeat * 2);
}
