using Dapper;
using Npgsql;

namespace Fedi.Core.Federation.Inbox;

/// <summary>SQL that removes a remote account and everything it made, in a few set-based statements.</summary>
public sealed class RemoteAccountDeletionStore(NpgsqlDataSource db)
{
    /// <summary>The local accounts following <paramref name="accountId"/>: the home feeds its statuses may be in.</summary>
    public async Task<IReadOnlyList<long>> ListLocalFollowerIdsAsync(long accountId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<long>(new CommandDefinition("""
            SELECT f.account_id FROM follows f JOIN accounts a ON a.id = f.account_id
            WHERE f.target_account_id = @accountId AND a.domain IS NULL
            """, new { accountId }, cancellationToken: ct))).AsList();
    }

    /// <summary>
    /// In one transaction: the counters its follows, favourites and reblogs added to others taken back, others' reblogs
    /// of its statuses removed, then the account row, whose deletion cascades to its statuses, follows, favourites,
    /// mentions and notifications. False when it is no remote account (anymore).
    /// </summary>
    public async Task<bool> DeleteAsync(long accountId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            UPDATE account_stats s SET followers_count = GREATEST(s.followers_count - 1, 0)
            FROM follows f WHERE f.account_id = @accountId AND s.account_id = f.target_account_id;
            UPDATE account_stats s SET following_count = GREATEST(s.following_count - 1, 0)
            FROM follows f WHERE f.target_account_id = @accountId AND s.account_id = f.account_id;
            UPDATE status_stats t SET favourites_count = GREATEST(t.favourites_count - 1, 0)
            FROM favourites v WHERE v.account_id = @accountId AND t.status_id = v.status_id;
            UPDATE status_stats t SET reblogs_count = GREATEST(t.reblogs_count - 1, 0)
            FROM statuses r WHERE r.account_id = @accountId AND r.reblog_of_id = t.status_id AND r.deleted_at IS NULL;
            WITH gone AS (
                UPDATE statuses r SET deleted_at = now()
                WHERE r.reblog_of_id IN (SELECT id FROM statuses WHERE account_id = @accountId) AND r.account_id <> @accountId
                  AND r.deleted_at IS NULL
                RETURNING r.account_id)
            UPDATE account_stats s SET statuses_count = GREATEST(s.statuses_count - g.n, 0)
            FROM (SELECT account_id, count(*) AS n FROM gone GROUP BY account_id) g WHERE s.account_id = g.account_id;
            """, new { accountId }, tx, cancellationToken: ct));
        var deleted = await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM accounts WHERE id = @accountId AND domain IS NOT NULL", new { accountId }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return deleted > 0;
    }
}
