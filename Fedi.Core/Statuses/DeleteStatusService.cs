using Fedi.Core.Accounts;
using Fedi.Core.Contracts;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Errors;
using Fedi.Core.Jobs;
using Npgsql;

namespace Fedi.Core.Statuses;

/// <summary>
/// Deletes one's own status: soft-deletes the row and the author's counter at once (reads stop showing
/// it immediately), then the worker's RemovalWorker takes it out of feeds and streams.
/// </summary>
public sealed class DeleteStatusService(NpgsqlDataSource db, StatusStore statuses, AccountStatsStore stats, JobOutbox outbox)
{
    public async Task<Status> DeleteAsync(long statusId, long accountId, CancellationToken ct = default)
    {
        var status = await statuses.FindAsync(statusId, ct);
        if (status is null || status.AccountId != accountId) throw ApiException.NotFound();

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (!await statuses.DeleteAsync(conn, tx, statusId, ct)) throw ApiException.NotFound(); // a concurrent delete won
        await stats.AddStatusesAsync(conn, tx, accountId, -1, touchLastStatus: false, ct);
        var removal = await outbox.StageAsync(conn, tx, new RemovalJob(statusId), ct);
        await tx.CommitAsync(ct);

        await outbox.ReleaseAsync(removal);
        return status;
    }
}
