using Dapper;
using Npgsql;

namespace Fedi.Core.Search;

/// <summary>
/// The profile directory and follow suggestions: local accounts that opted in (<c>discoverable</c>), not
/// suspended, with a confirmed and approved login. Returns ids in order; the caller loads the rows.
/// </summary>
public sealed class DirectoryStore(NpgsqlDataSource db)
{
    private const string Listed = """
        a.domain IS NULL AND a.discoverable IS TRUE AND a.suspended_at IS NULL
        AND EXISTS (SELECT 1 FROM users u WHERE u.account_id = a.id AND u.confirmed_at IS NOT NULL AND u.approved AND NOT u.disabled)
        """;

    /// <param name="newest">true: most recently created first (order=new); false: most recently posted first (order=active).</param>
    public async Task<IReadOnlyList<long>> ListAsync(bool newest, int limit, int offset, CancellationToken ct = default)
    {
        var order = newest ? "a.id DESC" : "st.last_status_at DESC NULLS LAST, a.id DESC";
        await using var conn = await db.OpenConnectionAsync(ct);
        var ids = await conn.QueryAsync<long>(new CommandDefinition($"""
            SELECT a.id FROM accounts a LEFT JOIN account_stats st ON st.account_id = a.id
            WHERE {Listed}
            ORDER BY {order} LIMIT @limit OFFSET @offset
            """, new { limit, offset }, cancellationToken: ct));
        return ids.AsList();
    }

    /// <summary>
    /// Mastodon's global suggestion source, simplified: the most followed listed accounts that posted in the last
    /// 30 days, minus the viewer, accounts the viewer follows or has asked to follow, and blocks or mutes either way.
    /// </summary>
    public async Task<IReadOnlyList<long>> ListSuggestionsAsync(long viewerId, int limit, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var ids = await conn.QueryAsync<long>(new CommandDefinition($"""
            SELECT a.id FROM accounts a JOIN account_stats st ON st.account_id = a.id
            WHERE {Listed} AND a.id <> @viewerId AND st.last_status_at > now() - interval '30 days'
              AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.account_id = @viewerId AND f.target_account_id = a.id)
              AND NOT EXISTS (SELECT 1 FROM follow_requests r WHERE r.account_id = @viewerId AND r.target_account_id = a.id)
              AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.account_id = @viewerId AND b.target_account_id = a.id)
                                                        OR (b.account_id = a.id AND b.target_account_id = @viewerId))
              AND NOT EXISTS (SELECT 1 FROM mutes m WHERE m.account_id = @viewerId AND m.target_account_id = a.id)
            ORDER BY st.followers_count DESC, st.last_status_at DESC, a.id DESC
            LIMIT @limit
            """, new { viewerId, limit }, cancellationToken: ct));
        return ids.AsList();
    }
}
