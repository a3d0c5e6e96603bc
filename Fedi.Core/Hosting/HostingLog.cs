using Microsoft.Extensions.Logging;

namespace Fedi.Core.Hosting;

internal static partial class HostingLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "fedi-{Tier} may open at most {Pool} PostgreSQL connections (DB_POOL)")]
    public static partial void LogConnectionBudget(this ILogger logger, string tier, int pool);
}
