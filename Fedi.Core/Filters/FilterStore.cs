using Dapper;
using Npgsql;

namespace Fedi.Core.Filters;

/// <summary>SQL for <c>custom_filters</c>; keywords and statuses are in <see cref="FilterRuleStore"/>.</summary>
public sealed class FilterStore(NpgsqlDataSource db)
{
    private const string Columns = "f.id, f.account_id, f.title, f.context, f.action, f.expires_at";

    /// <summary>The account's filters, oldest first (Mastodon's order), expired ones included.</summary>
    public async Task<IReadOnlyList<CustomFilter>> ListAsync(long accountId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<CustomFilter>(new CommandDefinition(
            $"SELECT {Columns} FROM custom_filters f WHERE f.account_id = @accountId ORDER BY f.id", new { accountId }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>The filter when <paramref name="accountId"/> owns it; another account's is not found.</summary>
    public async Task<CustomFilter?> FindAsync(long id, long accountId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<CustomFilter>(new CommandDefinition(
            $"SELECT {Columns} FROM custom_filters f WHERE f.id = @id AND f.account_id = @accountId", new { id, accountId }, cancellationToken: ct));
    }

    public Task<CustomFilter> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CustomFilter filter, CancellationToken ct) =>
        connection.QuerySingleAsync<CustomFilter>(new CommandDefinition($"""
            INSERT INTO custom_filters AS f (account_id, title, context, action, expires_at)
            VALUES (@AccountId, @Title, @Context, @Action, @ExpiresAt)
            RETURNING {Columns}
            """, filter, transaction, cancellationToken: ct));

    public Task<CustomFilter> UpdateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CustomFilter filter, CancellationToken ct) =>
        connection.QuerySingleAsync<CustomFilter>(new CommandDefinition($"""
            UPDATE custom_filters f SET title = @Title, context = @Context, action = @Action, expires_at = @ExpiresAt, updated_at = now()
            WHERE f.id = @Id AND f.account_id = @AccountId
            RETURNING {Columns}
            """, filter, transaction, cancellationToken: ct));

    public async Task<bool> DeleteAsync(long id, long accountId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM custom_filters WHERE id = @id AND account_id = @accountId", new { id, accountId }, cancellationToken: ct)) > 0;
    }
}
