using Fedi.Core.Configuration;
using Fedi.Streaming.Connections;
using Fedi.Streaming.Subscriptions;

namespace Fedi.Streaming;

/// <summary>Settings only the streaming tier reads; the one place it reads them.</summary>
public sealed record StreamingOptions(UserChannelMode UserChannels, KeepAlive KeepAlive, bool WarmUp = true, bool InlineSocketIo = true)
{
    public const string UserChannelsVariable = "STREAMING_USER_CHANNELS";

    /// <summary>Startup.StartupWarmUp before the listener opens (default true).</summary>
    public const string WarmUpVariable = "STREAMING_WARM_UP";

    /// <summary>Kestrel's UnsafePreferInlineScheduling (default true): a socket's send runs on the thread that flushed it (StreamingApp).</summary>
    public const string InlineSocketIoVariable = "STREAMING_INLINE_SOCKET_IO";

    /// <summary>
    /// STREAMING_USER_CHANNELS (pattern or subscribe, default pattern): how per-user channels reach this process.
    /// STREAMING_HEARTBEAT_INTERVAL (seconds, default 15, at most 300): between SSE heartbeat comments, shorter for
    /// proxies or load balancers that close idle connections sooner; WebSocket pings go at twice it.
    /// STREAMING_MAX_STREAMS_PER_CONNECTION: streams one socket may hold, the URL's included. Each distinct stream is a
    /// Redis subscription and a listener per event, so one client must not hold a thousand; 100 is far beyond the
    /// handful of columns a Mastodon client shows (followed hashtags arrive on the user stream, not as streams of their own).
    /// </summary>
    public int MaxStreamsPerConnection { get; init; } = 100;

    /// <exception cref="SettingsException">A value is not one of the documented choices.</exception>
    public static StreamingOptions From(EnvironmentSettings env) =>
        new(env.Choice(UserChannelsVariable, UserChannelMode.Pattern),
            KeepAlive.Every(TimeSpan.FromSeconds(env.Int("STREAMING_HEARTBEAT_INTERVAL", 15, min: 1, max: 300))),
            env.Bool(WarmUpVariable, true), env.Bool(InlineSocketIoVariable, true))
        {
            MaxStreamsPerConnection = env.Int("STREAMING_MAX_STREAMS_PER_CONNECTION", 100, min: 1, max: 10_000),
        };
}
