namespace Fedi.Streaming.Subscriptions;

internal static partial class SubscriptionLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a malformed message on {Channel}")]
    public static partial void LogMalformedMessage(this ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "A listener of {Channel} failed")]
    public static partial void LogListenerFailed(this ILogger logger, string channel, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unsubscribing from {Channel} failed")]
    public static partial void LogUnsubscribeFailed(this ILogger logger, string channel, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing {Count} subscribed: keys failed")]
    public static partial void LogRefreshFailed(this ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis connection restored ({ConnectionType}); announcing live channels again")]
    public static partial void LogRedisRestored(this ILogger logger, string connectionType);
}
