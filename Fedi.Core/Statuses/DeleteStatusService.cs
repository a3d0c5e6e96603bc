using Fedi.Core.Accounts;
using Fedi.Core.Contracts;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Errors;
using Fedi.Core.Jobs;
using Npgsql;

namespace Fedi.Core.Statuses;

/// <summary>
/// Deletes one's own status: soft-deletes the row and the author's counter at once (reads stop showing
/// it immediately), then the worker's RemovalWorker takes it out of feeds and streams and remote
/// inboxes get a Delete. Its reblogs go with it,
/// and the counts of the status it replied to or reblogged drop.
/// </summary>
public sealed class DeleteStatusService(
    NpgsqlDataSource db, StatusStore statuses, AccountStatsStore stats, StatusStatsStore statusStats, ReblogStore reblogs, JobOutbox outbox)
{
    public async Task<Status> DeleteAsync(long statusId, long accountId, CancellationToken ct = default)
    {
        var status = await statuses.FindAsync(statusId, ct);
        if (status is null || status.AccountId != accountId) throw ApiException.NotFound();

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (!await statuses.DeleteAsync(conn, tx, statusId, ct)) throw ApiException.NotFound(); // a concurrent delete won
        await stats.AddStatusesAsync(conn, tx, accountId, -1, touchLastStatus: false, ct);
        if (status.InReplyToId is { } parentId) await statusStats.AddAsync(conn, tx, parentId, StatusCounter.Replies, -1, ct);
        if (status.ReblogOfId is { } originalId) await statusStats.AddAsync(conn, tx, originalId, StatusCounter.Reblogs, -1, ct);
        var removedReblogs = await reblogs.DeleteReblogsOfAsync(conn, tx, statusId, ct);
        var removals = new List<JobOutbox.Staged>
        {
            await outbox.StageAsync(conn, tx, new RemovalJob(statusId), ct),
            await outbox.StageAsync(conn, tx, new ActivityPubDistributionJob(statusId, ActivityPubDistributionJob.Delete), ct),
        };
        foreach (var (reblogId, boosterId) in removedReblogs)
        {
            await stats.AddStatusesAsync(conn, tx, boosterId, -1, touchLastStatus: false, ct);
            removals.Add(await outbox.StageAsync(conn, tx, new RemovalJob(reblogId), ct));
        }
        await tx.CommitAsync(ct);

        await outbox.ReleaseAsync(removals);
        return status;
    }
}
