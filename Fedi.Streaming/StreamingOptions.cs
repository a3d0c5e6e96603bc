using Fedi.Core.Configuration;
using Fedi.Streaming.Connections;
using Fedi.Streaming.Subscriptions;

namespace Fedi.Streaming;

/// <summary>Settings only the streaming tier reads.</summary>
public sealed record StreamingOptions(UserChannelMode UserChannels, KeepAlive KeepAlive, bool WarmUp = true, bool InlineSocketIo = true)
{
    public const string UserChannelsVariable = "STREAMING_USER_CHANNELS";

    /// <summary>Startup.StartupWarmUp before the listener opens (default true).</summary>
    public const string WarmUpVariable = "STREAMING_WARM_UP";

    /// <summary>Kestrel's UnsafePreferInlineScheduling (default true): a socket's send runs on the thread that flushed it (StreamingApp).</summary>
    public const string InlineSocketIoVariable = "STREAMING_INLINE_SOCKET_IO";

    /// <exception cref="SettingsException">A value is not one of the documented choices.</exception>
    public static StreamingOptions From(EnvironmentSettings env) =>
        new(env.Choice(UserChannelsVariable, UserChannelMode.Pattern), KeepAlive.From(env), env.Bool(WarmUpVariable, true), env.Bool(InlineSocketIoVariable, true));
}
