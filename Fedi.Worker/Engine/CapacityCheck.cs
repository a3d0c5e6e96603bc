using Fedi.Core.Configuration;
using Fedi.Core.Jobs;
using Microsoft.Extensions.Logging;

namespace Fedi.Worker.Engine;

/// <summary>
/// Compares the PostgreSQL connections the live workers may open (the <c>db_pool</c> of every heartbeat) plus
/// a margin for web and streaming with the server's <c>max_connections</c>, and warns when they do not fit:
/// past it, jobs fail with "too many clients" only under load, which is the worst time to find out.
/// </summary>
public sealed class CapacityCheck(
    ServerSettingsStore settings, JobStatsReader reader, DatabaseOptions database, ProcessIdentity identity, ILogger<CapacityCheck> logger)
{
    /// <summary>Connections kept for the web and streaming tiers, whose pools heartbeats do not show: their
    /// default pools (web 5 per process, streaming 10) for a small deployment of two web and one streaming
    /// process, plus PostgreSQL's own superuser_reserved_connections (3), rounded up.</summary>
    public const int WebAndStreamingMargin = 25;

    public async Task CheckAsync(CancellationToken ct)
    {
        logger.PoolBudget(identity.Identity, database.PoolSize);
        var maxConnections = await settings.FindMaxConnectionsAsync(ct);
        var state = await reader.ReadAsync();
        var workers = state.Processes.Sum(p => p.DbPool ?? 0);
        if (state.Processes.All(p => p.Identity != identity.Identity)) workers += database.PoolSize;
        if (workers + WebAndStreamingMargin > maxConnections)
            logger.OverCapacity(workers, state.Processes.Count, WebAndStreamingMargin, maxConnections);
    }
}
