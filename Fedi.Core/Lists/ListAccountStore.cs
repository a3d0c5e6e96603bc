using Dapper;
using Fedi.Core.Data;
using Npgsql;

namespace Fedi.Core.Lists;

/// <summary>SQL for <c>list_accounts</c>: who is on a list. Membership requires the owner to follow the account.</summary>
public sealed class ListAccountStore(NpgsqlDataSource db)
{
    /// <summary>A page of members as (list_accounts.id, account id), newest membership first; <paramref name="all"/> ignores the limit.</summary>
    public async Task<IReadOnlyList<(long Id, long AccountId)>> ListPageAsync(long listId, Page page, bool all, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long, long)>(new CommandDefinition($"""
            SELECT la.id, la.account_id FROM list_accounts la
            WHERE la.list_id = @listId AND {Page.Where("la.id")}
            ORDER BY {page.OrderBy("la.id")}
            LIMIT @limit
            """, new { listId, maxId = page.MaxId, lowerBound = page.LowerBound, limit = all ? (int?)null : page.Limit }, cancellationToken: ct));
        return page.NewestFirst(rows);
    }

    /// <summary>Every member's account id.</summary>
    public async Task<IReadOnlySet<long>> ListAccountIdsAsync(long listId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var ids = await conn.QueryAsync<long>(new CommandDefinition(
            "SELECT account_id FROM list_accounts WHERE list_id = @listId", new { listId }, cancellationToken: ct));
        return ids.ToHashSet();
    }

    /// <summary>
    /// Adds the accounts the owner follows — and the owner itself, which needs no follow (as Mastodon) — all or
    /// nothing: returns false (and adds none) when any other account is not followed. Members stay as they are.
    /// </summary>
    public async Task<bool> AddAsync(long listId, long ownerId, IReadOnlyCollection<long> accountIds, CancellationToken ct = default)
    {
        var ids = accountIds.Distinct().ToArray();
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO list_accounts (list_id, account_id, follow_id)
            SELECT @listId, f.target_account_id, f.id FROM follows f
            WHERE f.account_id = @ownerId AND f.target_account_id = ANY(@ids)
            UNION ALL
            SELECT @listId, @ownerId, NULL WHERE @ownerId = ANY(@ids)
            ON CONFLICT (account_id, list_id) DO NOTHING
            """, new { listId, ownerId, ids }, tx, cancellationToken: ct));
        var allowed = await conn.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM follows WHERE account_id = @ownerId AND target_account_id = ANY(@ids)",
            new { ownerId, ids }, tx, cancellationToken: ct)) + (ids.Contains(ownerId) ? 1 : 0);
        if (allowed < ids.Length) return false; // disposing the transaction rolls the inserts back
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task RemoveAsync(long listId, IReadOnlyCollection<long> accountIds, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM list_accounts WHERE list_id = @listId AND account_id = ANY(@accountIds)",
            new { listId, accountIds = accountIds.ToArray() }, cancellationToken: ct));
    }
}
