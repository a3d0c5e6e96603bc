using Dapper;
using Npgsql;

namespace Fedi.Core.Lists;

/// <summary>SQL for <c>lists</c>. Every read and write is scoped to the owner: someone else's list does not exist.</summary>
public sealed class ListStore(NpgsqlDataSource db)
{
    private const string Columns = "l.id, l.account_id, l.title, l.replies_policy, l.exclusive";

    public async Task<UserList?> FindOwnedAsync(long id, long ownerId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<UserList>(new CommandDefinition(
            $"SELECT {Columns} FROM lists l WHERE l.id = @id AND l.account_id = @ownerId", new { id, ownerId }, cancellationToken: ct));
    }

    /// <summary>The owner's lists, oldest first.</summary>
    public async Task<IReadOnlyList<UserList>> ListOwnedAsync(long ownerId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<UserList>(new CommandDefinition(
            $"SELECT {Columns} FROM lists l WHERE l.account_id = @ownerId ORDER BY l.id", new { ownerId }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>The owner's lists that contain <paramref name="accountId"/>.</summary>
    public async Task<IReadOnlyList<UserList>> ListOwnedContainingAsync(long ownerId, long accountId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<UserList>(new CommandDefinition($"""
            SELECT {Columns} FROM lists l JOIN list_accounts la ON la.list_id = l.id
            WHERE l.account_id = @ownerId AND la.account_id = @accountId ORDER BY l.id
            """, new { ownerId, accountId }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>One indexed lookup, for the streaming tier's check at subscribe time.</summary>
    public async Task<bool> IsOwnerAsync(long id, long accountId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM lists WHERE id = @id AND account_id = @accountId)", new { id, accountId }, cancellationToken: ct));
    }

    public async Task<UserList> InsertAsync(UserList list, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleAsync<UserList>(new CommandDefinition($"""
            INSERT INTO lists AS l (account_id, title, replies_policy, exclusive)
            VALUES (@AccountId, @Title, @RepliesPolicy, @Exclusive)
            RETURNING {Columns}
            """, new { list.AccountId, list.Title, RepliesPolicy = (int)list.RepliesPolicy, list.Exclusive }, cancellationToken: ct));
    }

    public async Task<UserList?> UpdateAsync(UserList list, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<UserList>(new CommandDefinition($"""
            UPDATE lists AS l SET title = @Title, replies_policy = @RepliesPolicy, exclusive = @Exclusive, updated_at = now()
            WHERE l.id = @Id AND l.account_id = @AccountId
            RETURNING {Columns}
            """, new { list.Id, list.AccountId, list.Title, RepliesPolicy = (int)list.RepliesPolicy, list.Exclusive }, cancellationToken: ct));
    }

    /// <summary>False when the list is not the owner's (or gone). Memberships go with it (cascade).</summary>
    public async Task<bool> DeleteAsync(long id, long ownerId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM lists WHERE id = @id AND account_id = @ownerId", new { id, ownerId }, cancellationToken: ct)) > 0;
    }
}
