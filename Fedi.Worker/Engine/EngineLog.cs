using Microsoft.Extensions.Logging;

namespace Fedi.Worker.Engine;

internal static partial class EngineLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Job engine {Identity} started: {Concurrency} executors, queues {Queues}, heartbeat TTL {HeartbeatTtl}")]
    public static partial void EngineStarted(this ILogger logger, string identity, int concurrency, string queues, TimeSpan heartbeatTtl);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job engine stopping: waiting up to {Drain} for {Busy} running job(s)")]
    public static partial void Draining(this ILogger logger, TimeSpan drain, int busy);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drain time over: cancelling {Busy} running job(s); they go back on their queues")]
    public static partial void DrainTimedOut(this ILogger logger, int busy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job engine stopped; {Requeued} unfinished job(s) pushed back on their queues")]
    public static partial void EngineStopped(this ILogger logger, int requeued);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Class} {Jid} failed ({ErrorClass}: {ErrorMessage}); retry {RetryCount} in {Delay:F0} s")]
    public static partial void JobRetrying(this ILogger logger, string @class, string jid, string errorClass, string errorMessage, int retryCount, double delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Class} {Jid} failed for good ({ErrorClass}: {ErrorMessage}) after {RetryCount} retries: {Outcome}")]
    public static partial void JobDied(this ILogger logger, string @class, string jid, string errorClass, string errorMessage, int retryCount, FailureOutcome outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unreadable job on {Queue} moved to the dead set: {Raw}")]
    public static partial void UnreadableJob(this ILogger logger, string queue, string raw);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Class} {Jid} interrupted by shutdown; it goes back on {Queue}")]
    public static partial void JobInterrupted(this ILogger logger, string @class, string jid, string queue);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the end of {Class} {Jid}; it stays in progress and will run again")]
    public static partial void SettleFailed(this ILogger logger, Exception exception, string @class, string jid);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the end of {Count} finished job(s); they stay in progress and will run again")]
    public static partial void SettleBatchFailed(this ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job engine {Loop} loop failed; retrying in {Delay}")]
    public static partial void LoopFailed(this ILogger logger, Exception exception, string loop, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovered {Count} job(s) from dead worker {Identity}")]
    public static partial void Recovered(this ILogger logger, int count, string identity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat hash of {Identity} had expired; survivors may have re-queued jobs this process is still running")]
    public static partial void HeartbeatLost(this ILogger logger, string identity);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {Identity} PostgreSQL budget: db_pool {Pool} connection(s)")]
    public static partial void PoolBudget(this ILogger logger, string identity, int pool);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL capacity: live workers may open {Workers} connection(s) ({Processes} process(es)) + {Margin} kept for web/streaming, more than max_connections {MaxConnections}; lower DB_POOL/WORKER_CONCURRENCY or raise max_connections (or use PgBouncer)")]
    public static partial void OverCapacity(this ILogger logger, int workers, int processes, int margin, int maxConnections);
}
