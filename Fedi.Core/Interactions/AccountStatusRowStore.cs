using Dapper;
using Fedi.Core.Data;
using Npgsql;

namespace Fedi.Core.Interactions;

/// <summary>
/// SQL shared by the tables that join one account to one status (<c>favourites</c>, <c>bookmarks</c>,
/// <c>status_pins</c>): a unique (account_id, status_id) row whose id is the cursor of the lists it makes.
/// <paramref name="table"/> is a constant of the subclass, never input.
/// </summary>
public abstract class AccountStatusRowStore(NpgsqlDataSource db, string table)
{
    protected NpgsqlDataSource Db => db;

    /// <summary>Inside the caller's transaction; false when the row already existed (a second favourite counts once).</summary>
    public async Task<bool> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId, long statusId, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition($"""
            INSERT INTO {table} (account_id, status_id) VALUES (@accountId, @statusId)
            ON CONFLICT (account_id, status_id) DO NOTHING
            """, new { accountId, statusId }, transaction, cancellationToken: ct)) > 0;

    /// <summary>Inside the caller's transaction; false when there was no row.</summary>
    public async Task<bool> DeleteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId, long statusId, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM {table} WHERE account_id = @accountId AND status_id = @statusId",
            new { accountId, statusId }, transaction, cancellationToken: ct)) > 0;

    /// <summary>One page of the account's rows, by row id newest first: (row id, status id) of live statuses.</summary>
    public async Task<IReadOnlyList<(long RowId, long StatusId)>> ListByAccountAsync(long accountId, Page page, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long, long)>(new CommandDefinition($"""
            SELECT x.id, x.status_id FROM {table} x JOIN statuses s ON s.id = x.status_id
            WHERE x.account_id = @accountId AND s.deleted_at IS NULL AND {Page.Where("x.id")}
            ORDER BY {page.OrderBy("x.id")}
            LIMIT @limit
            """, new { accountId, maxId = page.MaxId, lowerBound = page.LowerBound, limit = page.Limit }, cancellationToken: ct));
        return page.NewestFirst(rows);
    }

    /// <summary>One page of the accounts with a row for the status, by row id newest first: (row id, account id).</summary>
    public async Task<IReadOnlyList<(long RowId, long AccountId)>> ListByStatusAsync(long statusId, Page page, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long, long)>(new CommandDefinition($"""
            SELECT x.id, x.account_id FROM {table} x
            WHERE x.status_id = @statusId AND {Page.Where("x.id")}
            ORDER BY {page.OrderBy("x.id")}
            LIMIT @limit
            """, new { statusId, maxId = page.MaxId, lowerBound = page.LowerBound, limit = page.Limit }, cancellationToken: ct));
        return page.NewestFirst(rows);
    }
}

/// <summary>SQL for <c>favourites</c>.</summary>
public sealed class FavouriteStore(NpgsqlDataSource db) : AccountStatusRowStore(db, "favourites");

/// <summary>SQL for <c>bookmarks</c>.</summary>
public sealed class BookmarkStore(NpgsqlDataSource db) : AccountStatusRowStore(db, "bookmarks");
