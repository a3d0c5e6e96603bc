namespace Fedi.Streaming.Auth;

internal static partial class AuthLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Streaming authentication failed: PostgreSQL is unavailable")]
    public static partial void LogDatabaseUnavailable(this ILogger logger, Exception exception);
}
