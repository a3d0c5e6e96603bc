using Fedi.Core.Configuration;

namespace Fedi.Streaming.Connections;

/// <summary>
/// How often idle streams show they are alive, at Mastodon's cadence by default: an SSE <c>:thump</c> comment
/// every 15 s and a WebSocket ping every 30 s (a peer that has not answered by the next ping is dropped).
/// STREAMING_HEARTBEAT_INTERVAL (seconds) shortens both for proxies or load balancers that close idle
/// connections sooner; pings keep going at twice the heartbeat.
/// </summary>
public sealed record KeepAlive(TimeSpan EventSourceHeartbeat, TimeSpan WebSocketPing)
{
    public static KeepAlive From(EnvironmentSettings env)
    {
        var heartbeat = TimeSpan.FromSeconds(env.Int("STREAMING_HEARTBEAT_INTERVAL", 15, min: 1, max: 300));
        return new KeepAlive(heartbeat, heartbeat * 2);
    }
}
