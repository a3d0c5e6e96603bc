using Dapper;
using Fedi.Core.Data;
using Npgsql;

namespace Fedi.Core.Follows;

/// <summary>SQL for <c>follows</c>.</summary>
public sealed class FollowStore(NpgsqlDataSource db)
{
    public const string Columns = "f.id, f.account_id, f.target_account_id, f.show_reblogs, f.notify, f.languages, f.created_at";

    /// <summary>Follows from <paramref name="accountId"/> to any of <paramref name="targetIds"/>.</summary>
    public async Task<IReadOnlyList<Follow>> ListFollowingAsync(long accountId, IReadOnlyCollection<long> targetIds, CancellationToken ct = default)
    {
        if (targetIds.Count == 0) return [];
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<Follow>(new CommandDefinition($"""
            SELECT {Columns} FROM follows f WHERE f.account_id = @accountId AND f.target_account_id = ANY(@targetIds)
            """, new { accountId, targetIds = targetIds.ToArray() }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>Which of <paramref name="accountIds"/> follow <paramref name="targetId"/>.</summary>
    public async Task<IReadOnlySet<long>> ListFollowedByAsync(long targetId, IReadOnlyCollection<long> accountIds, CancellationToken ct = default)
    {
        if (accountIds.Count == 0) return new HashSet<long>();
        await using var conn = await db.OpenConnectionAsync(ct);
        var ids = await conn.QueryAsync<long>(new CommandDefinition("""
            SELECT account_id FROM follows WHERE target_account_id = @targetId AND account_id = ANY(@accountIds)
            """, new { targetId, accountIds = accountIds.ToArray() }, cancellationToken: ct));
        return ids.ToHashSet();
    }

    /// <summary>For each of <paramref name="targetIds"/>, the accounts <paramref name="viewerId"/> follows that follow it (familiar followers).</summary>
    public async Task<ILookup<long, long>> ListFamiliarFollowersAsync(long viewerId, IReadOnlyCollection<long> targetIds, CancellationToken ct = default)
    {
        if (targetIds.Count == 0) return Array.Empty<(long, long)>().ToLookup(r => r.Item1, r => r.Item2);
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long TargetId, long AccountId)>(new CommandDefinition("""
            SELECT theirs.target_account_id, theirs.account_id
            FROM follows mine JOIN follows theirs ON theirs.account_id = mine.target_account_id
            JOIN accounts a ON a.id = theirs.account_id
            WHERE mine.account_id = @viewerId AND theirs.target_account_id = ANY(@targetIds) AND a.suspended_at IS NULL
            ORDER BY theirs.id DESC
            """, new { viewerId, targetIds = targetIds.ToArray() }, cancellationToken: ct));
        return rows.ToLookup(r => r.TargetId, r => r.AccountId);
    }

    /// <summary>Local followers of <paramref name="targetId"/> who asked to be notified of its statuses (follows.notify, the bell).</summary>
    public async Task<IReadOnlyList<long>> ListNotifyingFollowerIdsAsync(long targetId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var ids = await conn.QueryAsync<long>(new CommandDefinition("""
            SELECT f.account_id FROM follows f JOIN accounts a ON a.id = f.account_id
            WHERE f.target_account_id = @targetId AND f.notify AND a.domain IS NULL
            """, new { targetId }, cancellationToken: ct));
        return ids.AsList();
    }

    /// <summary>
    /// Creates the follow, or changes only the options given (null: unchanged; <paramref name="setLanguages"/> false
    /// leaves languages alone), inside the caller's transaction. True when the row is new.
    /// </summary>
    public Task<bool> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId, long targetAccountId,
        bool? reblogs, bool? notify, string[]? languages, bool setLanguages, CancellationToken ct) =>
        // xmax = 0 only on a row this statement inserted: counters move for new follows, not option changes.
        connection.QuerySingleAsync<bool>(new CommandDefinition("""
            INSERT INTO follows AS f (account_id, target_account_id, show_reblogs, notify, languages)
            VALUES (@accountId, @targetAccountId, COALESCE(@reblogs, true), COALESCE(@notify, false), @languages)
            ON CONFLICT (account_id, target_account_id) DO UPDATE
              SET show_reblogs = COALESCE(@reblogs, f.show_reblogs),
                  notify = COALESCE(@notify, f.notify),
                  languages = CASE WHEN @setLanguages THEN @languages ELSE f.languages END,
                  updated_at = now()
            RETURNING (f.xmax = 0) AS inserted
            """, new { accountId, targetAccountId, reblogs, notify, languages, setLanguages }, transaction, cancellationToken: ct));

    /// <summary>Removes the follow inside the caller's transaction; the rows deleted (0 when there was none, else 1).</summary>
    public Task<int> DeleteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId, long targetAccountId,
        CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM follows WHERE account_id = @accountId AND target_account_id = @targetAccountId",
            new { accountId, targetAccountId }, transaction, cancellationToken: ct));

    /// <summary>
    /// One page of an account's followers (<paramref name="followers"/>) or followed accounts, paginated by
    /// follows.id, newest first; suspended accounts left out. Returns (follow id, account id) pairs.
    /// </summary>
    public async Task<IReadOnlyList<(long FollowId, long AccountId)>> ListPageAsync(long accountId, bool followers, Page page, CancellationToken ct = default)
    {
        var (self, other) = followers ? ("target_account_id", "account_id") : ("account_id", "target_account_id");
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long, long)>(new CommandDefinition($"""
            SELECT f.id, f.{other}
            FROM follows f JOIN accounts a ON a.id = f.{other}
            WHERE f.{self} = @accountId AND a.suspended_at IS NULL AND {Page.Where("f.id")}
            ORDER BY {page.OrderBy("f.id")}
            LIMIT @limit
            """, new { accountId, maxId = page.MaxId, lowerBound = page.LowerBound, limit = page.Limit }, cancellationToken: ct));
        return page.NewestFirst(rows);
    }
}
