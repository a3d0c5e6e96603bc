using Dapper;
using Fedi.Core.Data;
using Npgsql;

namespace Fedi.Core.Relationships;

/// <summary>SQL for <c>mutes</c>. An expired mute counts as no mute everywhere (Mastodon's <c>active</c> scope).</summary>
public sealed class MuteStore(NpgsqlDataSource db)
{
    public const string Active = "(m.expires_at IS NULL OR m.expires_at > now())";

    /// <summary>The active mutes of <paramref name="accountId"/> on any of <paramref name="targetIds"/>.</summary>
    public async Task<IReadOnlyList<Mute>> ListMutingAsync(long accountId, IReadOnlyCollection<long> targetIds, CancellationToken ct = default)
    {
        if (targetIds.Count == 0) return [];
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<Mute>(new CommandDefinition($"""
            SELECT m.id, m.account_id, m.target_account_id, m.hide_notifications, m.expires_at
            FROM mutes m WHERE m.account_id = @accountId AND m.target_account_id = ANY(@targetIds) AND {Active}
            """, new { accountId, targetIds = targetIds.ToArray() }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>One page of <paramref name="accountId"/>'s active mutes, by mutes.id newest first, suspended accounts left out.</summary>
    public async Task<IReadOnlyList<Mute>> ListPageAsync(long accountId, Page page, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<Mute>(new CommandDefinition($"""
            SELECT m.id, m.account_id, m.target_account_id, m.hide_notifications, m.expires_at
            FROM mutes m JOIN accounts a ON a.id = m.target_account_id
            WHERE m.account_id = @accountId AND a.suspended_at IS NULL AND {Active} AND {Page.Where("m.id")}
            ORDER BY {page.OrderBy("m.id")}
            LIMIT @limit
            """, new { accountId, maxId = page.MaxId, lowerBound = page.LowerBound, limit = page.Limit }, cancellationToken: ct));
        return page.NewestFirst(rows);
    }

    /// <summary>Creates the mute or replaces its options; <paramref name="expiresAt"/> null mutes for good.</summary>
    public async Task InsertAsync(long accountId, long targetAccountId, bool notifications, DateTime? expiresAt, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO mutes (account_id, target_account_id, hide_notifications, expires_at)
            VALUES (@accountId, @targetAccountId, @notifications, @expiresAt)
            ON CONFLICT (account_id, target_account_id) DO UPDATE
              SET hide_notifications = EXCLUDED.hide_notifications, expires_at = EXCLUDED.expires_at, updated_at = now()
            """, new { accountId, targetAccountId, notifications, expiresAt }, cancellationToken: ct));
    }

    /// <summary>Lifts the mute; false when there was none.</summary>
    public async Task<bool> DeleteAsync(long accountId, long targetAccountId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM mutes WHERE account_id = @accountId AND target_account_id = @targetAccountId",
            new { accountId, targetAccountId }, cancellationToken: ct)) > 0;
    }
}
