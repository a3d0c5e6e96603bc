using Dapper;
using Fedi.Core.Data;
using Npgsql;

namespace Fedi.Core.Follows;

/// <summary>SQL for <c>follow_requests</c>: follows of a locked account waiting for its answer.</summary>
public sealed class FollowRequestStore(NpgsqlDataSource db)
{
    private const string Columns = "r.id, r.account_id, r.target_account_id, r.show_reblogs, r.notify, r.languages, r.created_at, r.uri";

    /// <summary>Creates the request or changes only the options given (null: unchanged). True when the row is new.</summary>
    public async Task<bool> UpsertAsync(long accountId, long targetAccountId, bool? reblogs, bool? notify, string[]? languages, bool setLanguages,
        CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleAsync<bool>(new CommandDefinition("""
            INSERT INTO follow_requests AS r (account_id, target_account_id, show_reblogs, notify, languages)
            VALUES (@accountId, @targetAccountId, COALESCE(@reblogs, true), COALESCE(@notify, false), @languages)
            ON CONFLICT (account_id, target_account_id) DO UPDATE
              SET show_reblogs = COALESCE(@reblogs, r.show_reblogs), notify = COALESCE(@notify, r.notify),
                  languages = CASE WHEN @setLanguages THEN @languages ELSE r.languages END, updated_at = now()
            RETURNING (r.xmax = 0) AS inserted
            """, new { accountId, targetAccountId, reblogs, notify, languages, setLanguages }, cancellationToken: ct));
    }

    public async Task<Follow?> FindAsync(long accountId, long targetAccountId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<Follow>(new CommandDefinition(
            $"SELECT {Columns} FROM follow_requests r WHERE r.account_id = @accountId AND r.target_account_id = @targetAccountId",
            new { accountId, targetAccountId }, cancellationToken: ct));
    }

    /// <summary>Which of <paramref name="targetIds"/> <paramref name="accountId"/> has asked to follow.</summary>
    public async Task<IReadOnlySet<long>> ListRequestedAsync(long accountId, IReadOnlyCollection<long> targetIds, CancellationToken ct = default)
    {
        if (targetIds.Count == 0) return new HashSet<long>();
        await using var conn = await db.OpenConnectionAsync(ct);
        var ids = await conn.QueryAsync<long>(new CommandDefinition(
            "SELECT target_account_id FROM follow_requests WHERE account_id = @accountId AND target_account_id = ANY(@targetIds)",
            new { accountId, targetIds = targetIds.ToArray() }, cancellationToken: ct));
        return ids.ToHashSet();
    }

    /// <summary>One page of the requests waiting on <paramref name="targetId"/>, by request id, newest first: (request id, requester id).</summary>
    public async Task<IReadOnlyList<(long RequestId, long AccountId)>> ListPageAsync(long targetId, Page page, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long, long)>(new CommandDefinition($"""
            SELECT r.id, r.account_id FROM follow_requests r JOIN accounts a ON a.id = r.account_id
            WHERE r.target_account_id = @targetId AND a.suspended_at IS NULL AND {Page.Where("r.id")}
            ORDER BY {page.OrderBy("r.id")} LIMIT @limit
            """, new { targetId, maxId = page.MaxId, lowerBound = page.LowerBound, limit = page.Limit }, cancellationToken: ct));
        return page.NewestFirst(rows);
    }

    public async Task<int> CountPendingAsync(long targetId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM follow_requests WHERE target_account_id = @targetId", new { targetId }, cancellationToken: ct));
    }

    /// <summary>Removes the request and returns it (null when there was none).</summary>
    public async Task<Follow?> DeleteAsync(long accountId, long targetAccountId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<Follow>(new CommandDefinition($"""
            DELETE FROM follow_requests r WHERE r.account_id = @accountId AND r.target_account_id = @targetAccountId RETURNING {Columns}
            """, new { accountId, targetAccountId }, cancellationToken: ct));
    }
}
