namespace Fedi.Streaming.Endpoints;

internal static partial class EndpointLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Subscribing to stream {Stream} failed: Redis is unavailable")]
    public static partial void LogSubscribeFailed(this ILogger logger, string? stream, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the connection's blocks and mutes failed: PostgreSQL is unavailable")]
    public static partial void LogFilterLoadFailed(this ILogger logger, Exception exception);
}
