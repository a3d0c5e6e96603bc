using Dapper;
using Fedi.Core.Data;
using Npgsql;

namespace Fedi.Core.Relationships;

/// <summary>SQL for <c>blocks</c>, and for the follows a block severs (see <see cref="DeleteFollowsBetweenAsync"/>).</summary>
public sealed class BlockStore(NpgsqlDataSource db)
{
    /// <summary>Which of <paramref name="targetIds"/> <paramref name="accountId"/> blocks.</summary>
    public async Task<IReadOnlySet<long>> ListBlockingAsync(long accountId, IReadOnlyCollection<long> targetIds, CancellationToken ct = default)
    {
        if (targetIds.Count == 0) return new HashSet<long>();
        await using var conn = await db.OpenConnectionAsync(ct);
        var ids = await conn.QueryAsync<long>(new CommandDefinition("""
            SELECT target_account_id FROM blocks WHERE account_id = @accountId AND target_account_id = ANY(@targetIds)
            """, new { accountId, targetIds = targetIds.ToArray() }, cancellationToken: ct));
        return ids.ToHashSet();
    }

    /// <summary>Which of <paramref name="accountIds"/> block <paramref name="targetId"/>.</summary>
    public async Task<IReadOnlySet<long>> ListBlockedByAsync(long targetId, IReadOnlyCollection<long> accountIds, CancellationToken ct = default)
    {
        if (accountIds.Count == 0) return new HashSet<long>();
        await using var conn = await db.OpenConnectionAsync(ct);
        var ids = await conn.QueryAsync<long>(new CommandDefinition("""
            SELECT account_id FROM blocks WHERE target_account_id = @targetId AND account_id = ANY(@accountIds)
            """, new { targetId, accountIds = accountIds.ToArray() }, cancellationToken: ct));
        return ids.ToHashSet();
    }

    /// <summary>Whether either account blocks the other (no follow may then be made, as Mastodon's FollowService).</summary>
    public async Task<bool> AnyBetweenAsync(long accountId, long otherAccountId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<bool>(new CommandDefinition("""
            SELECT EXISTS (SELECT 1 FROM blocks
                           WHERE (account_id = @accountId AND target_account_id = @otherAccountId)
                              OR (account_id = @otherAccountId AND target_account_id = @accountId))
            """, new { accountId, otherAccountId }, cancellationToken: ct));
    }

    /// <summary>One page of the accounts <paramref name="accountId"/> blocks, by blocks.id newest first, suspended left out.</summary>
    public async Task<IReadOnlyList<(long BlockId, long AccountId)>> ListPageAsync(long accountId, Page page, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long, long)>(new CommandDefinition($"""
            SELECT b.id, b.target_account_id
            FROM blocks b JOIN accounts a ON a.id = b.target_account_id
            WHERE b.account_id = @accountId AND a.suspended_at IS NULL AND {Page.Where("b.id")}
            ORDER BY {page.OrderBy("b.id")}
            LIMIT @limit
            """, new { accountId, maxId = page.MaxId, lowerBound = page.LowerBound, limit = page.Limit }, cancellationToken: ct));
        return page.NewestFirst(rows);
    }

    /// <summary>The block inside the caller's transaction (the one that also severs the follows); blocking twice is no error.</summary>
    public Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId, long targetAccountId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO blocks (account_id, target_account_id) VALUES (@accountId, @targetAccountId)
            ON CONFLICT (account_id, target_account_id) DO NOTHING
            """, new { accountId, targetAccountId }, transaction, cancellationToken: ct));

    /// <summary>
    /// Deletes the follows both ways between two accounts inside the block's transaction; the (follower, followed)
    /// pairs removed. Here rather than in FollowStore because Follows sits above Relationships (following checks blocks).
    /// </summary>
    public async Task<IReadOnlyList<(long FollowerId, long FollowedId)>> DeleteFollowsBetweenAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId, long targetAccountId, CancellationToken ct) =>
        (await connection.QueryAsync<(long, long)>(new CommandDefinition("""
            DELETE FROM follows
            WHERE (account_id = @accountId AND target_account_id = @targetAccountId)
               OR (account_id = @targetAccountId AND target_account_id = @accountId)
            RETURNING account_id, target_account_id
            """, new { accountId, targetAccountId }, transaction, cancellationToken: ct))).AsList();

    /// <summary>Lifts the block; false when there was none.</summary>
    public async Task<bool> DeleteAsync(long accountId, long targetAccountId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM blocks WHERE account_id = @accountId AND target_account_id = @targetAccountId",
            new { accountId, targetAccountId }, cancellationToken: ct)) > 0;
    }
}
