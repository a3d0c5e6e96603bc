using Fedi.Core.Configuration;
using Fedi.Streaming.Connections;
using Fedi.Streaming.Subscriptions;

namespace Fedi.Streaming;

/// <summary>Settings only the streaming tier reads; the one place it reads them.</summary>
public sealed record StreamingOptions(UserChannelMode UserChannels, KeepAlive KeepAlive)
{
    public const string UserChannelsVariable = "STREAMING_USER_CHANNELS";

    /// <summary>
    /// STREAMING_USER_CHANNELS (pattern or subscribe, default pattern): how per-user channels reach this process.
    /// STREAMING_HEARTBEAT_INTERVAL (seconds, default 15, at most 300): between SSE heartbeat comments, shorter for
    /// proxies or load balancers that close idle connections sooner; WebSocket pings go at twice it.
    /// </summary>
    /// <exception cref="SettingsException">A value is not one of the documented choices.</exception>
    public static StreamingOptions From(EnvironmentSettings env) =>
        new(env.Choice(UserChannelsVariable, UserChannelMode.Pattern),
            KeepAlive.Every(TimeSpan.FromSeconds(env.Int("STREAMING_HEARTBEAT_INTERVAL", 15, min: 1, max: 300))));
}
