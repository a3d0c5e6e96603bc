using Fedi.Core.Accounts;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Jobs;
using Npgsql;

namespace Fedi.Core.Federation.Inbox;

/// <summary>
/// Stores a parsed remote status with its author's counters and hands it to the distribution job, the one path for
/// a delivered Create and a fetched Note alike (Mastodon's ActivityPub::Activity::Create#process_status).
/// </summary>
public sealed class StoreRemoteStatusService(NpgsqlDataSource db, RemoteStatusStore statuses, AccountStatsStore stats, JobClient jobs)
{
    /// <summary>The new status's id, or null when its uri was already stored.</summary>
    public async Task<long?> StoreAsync(RemoteStatus status, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var id = await statuses.InsertAsync(conn, tx, status, ct);
        if (id is null) return null;
        await stats.AddStatusesAsync(conn, tx, status.AccountId, 1, touchLastStatus: true, ct);
        await tx.CommitAsync(ct);
        await jobs.EnqueueAsync(new DistributionJob(id.Value));
        return id;
    }
}
