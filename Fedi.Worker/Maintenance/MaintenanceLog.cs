using Microsoft.Extensions.Logging;

namespace Fedi.Worker.Maintenance;

internal static partial class MaintenanceLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Maintenance task {Task}: {Summary} in {Milliseconds:F0} ms")]
    public static partial void TaskRan(this ILogger logger, string task, string summary, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Became maintenance leader: {Identity} (lease {Ttl})")]
    public static partial void BecameLeader(this ILogger logger, string identity, TimeSpan ttl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the maintenance lead: {Identity}")]
    public static partial void LostLead(this ILogger logger, string identity);

    [LoggerMessage(Level = LogLevel.Information, Message = "Maintenance task {Task} due: enqueued {Jid}; next at {Next:u}")]
    public static partial void TaskEnqueued(this ILogger logger, string task, string jid, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Error, Message = "Maintenance leader loop failed")]
    public static partial void LeaderLoopFailed(this ILogger logger, Exception exception);
}
