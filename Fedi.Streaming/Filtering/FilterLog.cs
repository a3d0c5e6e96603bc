namespace Fedi.Streaming.Filtering;

internal static partial class FilterLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Reloading blocks and mutes of account {AccountId} failed; the previous ones still apply")]
    public static partial void LogRelationsReloadFailed(this ILogger logger, long accountId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reloading the filters of account {AccountId} failed; the previous ones still apply")]
    public static partial void LogFiltersReloadFailed(this ILogger logger, long accountId, Exception exception);
}
