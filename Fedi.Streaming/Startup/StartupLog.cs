namespace Fedi.Streaming.Startup;

internal static partial class StartupLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Warmed up the handshake and delivery paths in {Elapsed:0} ms")]
    public static partial void LogWarmedUp(this ILogger logger, double elapsed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warm-up stopped after {Elapsed:0} ms (failed or over its budget); starting anyway")]
    public static partial void LogWarmUpFailed(this ILogger logger, double elapsed, Exception exception);
}
