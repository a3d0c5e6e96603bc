using Dapper;
using Fedi.Core.Statuses;
using Npgsql;

namespace Fedi.Core.Search;

/// <summary>
/// SQL behind status search: PostgreSQL full text ('simple' configuration, the GIN index of migration 0070) over
/// what Mastodon makes searchable for the viewer — their own posts, posts that mention them, that they favourited,
/// bookmarked or boosted, and the public posts of authors who opted in (<c>indexable</c>) and do not block them —
/// minus what the viewer's blocks, mutes and domain blocks hide (<see cref="StatusFilterStore.VisibleOnTimeline"/>).
/// Newest first.
/// </summary>
public sealed class StatusSearchStore(NpgsqlDataSource db)
{
    // The matches are taken from the GIN index first (MATERIALIZED): left to itself, the planner walks the
    // primary key newest first and computes every row's tsvector until it has a page, seconds at a million rows.

    /// <summary>Must equal the indexed expression of migration 0070 for the index to be used.</summary>
    private const string Document = "to_tsvector('simple', s.spoiler_text || ' ' || s.text)";

    public async Task<IReadOnlyList<Status>> SearchAsync(string query, long viewerId, long? accountId,
        int limit, int offset, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<Status>(new CommandDefinition($"""
            WITH matches AS MATERIALIZED (
                SELECT s.id FROM statuses s
                WHERE {Document} @@ plainto_tsquery('simple', @query) AND s.deleted_at IS NULL AND s.reblog_of_id IS NULL)
            SELECT {StatusStore.Columns}
            FROM matches JOIN statuses s ON s.id = matches.id JOIN accounts a ON a.id = s.account_id
            WHERE a.suspended_at IS NULL
              AND (@accountId::bigint IS NULL OR s.account_id = @accountId)
              AND (s.account_id = @viewerId
                   OR (s.visibility = 0 AND a.indexable
                       AND NOT EXISTS (SELECT 1 FROM blocks ab WHERE ab.account_id = s.account_id AND ab.target_account_id = @viewerId))
                   OR EXISTS (SELECT 1 FROM mentions m WHERE m.status_id = s.id AND m.account_id = @viewerId)
                   OR EXISTS (SELECT 1 FROM favourites fv WHERE fv.status_id = s.id AND fv.account_id = @viewerId)
                   OR EXISTS (SELECT 1 FROM bookmarks bm WHERE bm.status_id = s.id AND bm.account_id = @viewerId)
                   OR EXISTS (SELECT 1 FROM statuses rb WHERE rb.reblog_of_id = s.id AND rb.account_id = @viewerId AND rb.deleted_at IS NULL))
              AND {StatusFilterStore.VisibleOnTimeline}
            ORDER BY s.id DESC
            LIMIT @limit OFFSET @offset
            """, new { query, viewerId, accountId, limit, offset }, cancellationToken: ct));
        return rows.AsList();
    }
}
