using Dapper;
using Fedi.Core.Identifiers;
using Fedi.Core.Tags;
using Npgsql;

namespace Fedi.Core.Search;

/// <summary>
/// GET /api/v1/trends/tags without Mastodon's review queue: the tags of public posts by the most distinct
/// accounts over the last <see cref="Days"/> days (then by uses), from unsilenced, unsuspended authors.
/// </summary>
public sealed class TrendingTagsStore(NpgsqlDataSource db)
{
    public const int Days = 7;

    public async Task<IReadOnlyList<Tag>> ListAsync(int limit, int offset, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<Tag>(new CommandDefinition("""
            SELECT t.id, t.name
            FROM statuses s
            JOIN statuses_tags st ON st.status_id = s.id
            JOIN tags t ON t.id = st.tag_id
            JOIN accounts a ON a.id = s.account_id
            WHERE s.id > @since
              AND s.deleted_at IS NULL AND s.visibility = 0 AND s.reblog_of_id IS NULL
              AND a.suspended_at IS NULL AND a.silenced_at IS NULL
            GROUP BY t.id, t.name
            ORDER BY count(DISTINCT s.account_id) DESC, count(*) DESC, t.id
            LIMIT @limit OFFSET @offset
            """, new { since = Snowflake.IdAt(DateTimeOffset.UtcNow.AddDays(-Days)), limit, offset }, cancellationToken: ct));
        return rows.AsList();
    }
}
