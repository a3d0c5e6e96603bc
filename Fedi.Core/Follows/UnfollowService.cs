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
/// withdrawn. A remote target is sent an Undo{Follow}. Not following is no error.
/// </summary>
public sealed class UnfollowService(NpgsqlDataSource db, AccountStore accounts, FollowStore follows, AccountStatsStore stats, JobOutbox outbox,
    FollowRequestStore requests)
{
    /// <param name="federate">Whether a remote target is sent an Undo{Follow}: not when it is the one that ended the follow.</param>
    public async Task UnfollowAsync(long accountId, long targetAccountId, CancellationToken ct = default, bool federate = true)
    {
        var target = await accounts.FindAsync(targetAccountId, ct) ?? throw ApiException.NotFound();
        var requested = await requests.DeleteAsync(accountId, targetAccountId, ct) is not null;

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var deleted = await follows.DeleteAsync(conn, tx, accountId, targetAccountId, ct);
        var staged = new List<JobOutbox.Staged>();
        if (deleted > 0)
        {
            await stats.AddFollowAsync(conn, tx, accountId, targetAccountId, -1, ct);
            staged.Add(await outbox.StageAsync(conn, tx, new UnmergeJob(targetAccountId, accountId), ct));
        }
        if (federate && target.Domain is not null && (deleted > 0 || requested))
            staged.Add(await outbox.StageAsync(conn, tx, new RelationshipActivityJob(RelationshipActivityJob.UndoFollow, accountId, targetAccountId), ct));
        await tx.CommitAsync(ct);

        await outbox.ReleaseAsync(staged);
    }
}
