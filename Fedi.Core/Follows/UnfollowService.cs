using Fedi.Core.Accounts;
using Fedi.Core.Contracts;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Errors;
using Fedi.Core.Jobs;
using Npgsql;

namespace Fedi.Core.Follows;

/// <summary>
/// Stops following (Mastodon's UnfollowService): the row and both counters in one transaction, then an
/// UnmergeWorker job takes the target's statuses out of the follower's home feed. A pending follow request is
/// withdrawn. Not following is no error.
/// </summary>
public sealed class UnfollowService(NpgsqlDataSource db, AccountStore accounts, FollowStore follows, AccountStatsStore stats, JobOutbox outbox,
    FollowRequestStore requests)
{
    public async Task UnfollowAsync(long accountId, long targetAccountId, CancellationToken ct = default)
    {
        if (await accounts.FindAsync(targetAccountId, ct) is null) throw ApiException.NotFound();
        await requests.DeleteAsync(accountId, targetAccountId, ct);

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var deleted = await follows.DeleteAsync(conn, tx, accountId, targetAccountId, ct);
        JobOutbox.Staged? unmerge = null;
        if (deleted > 0)
        {
            await stats.AddFollowAsync(conn, tx, accountId, targetAccountId, -1, ct);
            unmerge = await outbox.StageAsync(conn, tx, new UnmergeJob(targetAccountId, accountId), ct);
        }
        await tx.CommitAsync(ct);

        if (unmerge is not null) await outbox.ReleaseAsync(unmerge);
    }
}
