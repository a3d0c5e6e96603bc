using Dapper;
using Fedi.Core.Accounts;
using Fedi.Core.Contracts;
using Fedi.Core.Errors;
using Fedi.Core.Jobs;
using Npgsql;

namespace Fedi.Core.Relationships;

/// <summary>
/// Blocks an account (Mastodon's BlockService): in one transaction the block row, and the follows both ways
/// removed with their counters. Then UnmergeWorker jobs clear each side's home feed of the other (the
/// blocker's always, as Mastodon's AfterBlockService does; the target's when it followed the blocker), and
/// both accounts' streaming connections reload their filters. Blocking yourself does nothing, as Mastodon.
/// </summary>
public sealed class BlockService(NpgsqlDataSource db, AccountStore accounts, JobClient jobs, RelationsChangedPublisher changes)
{
    public async Task BlockAsync(long accountId, long targetAccountId, CancellationToken ct = default)
    {
        if (await accounts.FindAsync(targetAccountId, ct) is null) throw ApiException.NotFound();
        if (accountId == targetAccountId) return;

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO blocks (account_id, target_account_id) VALUES (@accountId, @targetAccountId)
            ON CONFLICT (account_id, target_account_id) DO NOTHING
            """, new { accountId, targetAccountId }, tx, cancellationToken: ct));
        var removed = (await conn.QueryAsync<(long, long)>(new CommandDefinition("""
            DELETE FROM follows
            WHERE (account_id = @accountId AND target_account_id = @targetAccountId)
               OR (account_id = @targetAccountId AND target_account_id = @accountId)
            RETURNING account_id, target_account_id
            """, new { accountId, targetAccountId }, tx, cancellationToken: ct))).AsList();
        foreach (var (follower, followed) in removed)
            await AccountStatsStore.AddFollowAsync(conn, tx, follower, followed, -1);
        await tx.CommitAsync(ct);

        await jobs.EnqueueAsync(JobNames.Unmerge, targetAccountId, accountId);
        if (removed.Any(f => f.Item1 == targetAccountId)) await jobs.EnqueueAsync(JobNames.Unmerge, accountId, targetAccountId);
        await changes.PublishAsync(accountId, targetAccountId);
    }
}
