namespace Fedi.Streaming.Endpoints;

internal static partial class EndpointLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Subscribing to stream {Stream} failed: Redis is unavailable")]
    public static partial void LogSubscribeFailed(this ILogger logger, string? stream, Exception exception);

    /// <summary>In place of the request log line, which streaming sockets bypass (see StreamingEndpoints).</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "WebSocket {RequestPath} responded {StatusCode}, ended after {Elapsed:0} ms")]
    public static partial void LogSocketEnded(this ILogger logger, string requestPath, int statusCode, double elapsed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the connection's blocks and mutes failed: PostgreSQL is unavailable")]
    public static partial void LogFilterLoadFailed(this ILogger logger, Exception exception);
}
