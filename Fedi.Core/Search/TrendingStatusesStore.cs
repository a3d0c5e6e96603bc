using Dapper;
using Fedi.Core.Identifiers;
using Npgsql;

namespace Fedi.Core.Search;

/// <summary>
/// GET /api/v1/trends/statuses without Mastodon's review queue: public, original, non-reply posts of the last
/// <see cref="Days"/> days that were boosted or favourited, from discoverable, unsilenced, unsuspended authors, with no
/// content warning or sensitive flag (Mastodon's Status#trendable rules); boosts count twice a favourite, and the score
/// fades with age (hours + 2)^1.5 so yesterday's hit gives way to today's.
/// </summary>
public sealed class TrendingStatusesStore(NpgsqlDataSource db)
{
    public const int Days = 2;

    public async Task<IReadOnlyList<long>> ListIdsAsync(int limit, int offset, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<long>(new CommandDefinition("""
            SELECT s.id
            FROM statuses s
            JOIN status_stats ss ON ss.status_id = s.id
            JOIN accounts a ON a.id = s.account_id
            WHERE s.id > @since AND ss.reblogs_count + ss.favourites_count > 0
              AND s.deleted_at IS NULL AND s.visibility = 0 AND s.reblog_of_id IS NULL AND s.in_reply_to_id IS NULL
              AND NOT s.sensitive AND s.spoiler_text = ''
              AND a.discoverable IS TRUE AND a.suspended_at IS NULL AND a.silenced_at IS NULL
            ORDER BY (2 * ss.reblogs_count + ss.favourites_count)
                     / power(extract(epoch FROM now() - s.created_at) / 3600 + 2, 1.5) DESC, s.id DESC
            LIMIT @limit OFFSET @offset
            """, new { since = Snowflake.IdAt(DateTimeOffset.UtcNow.AddDays(-Days)), limit, offset }, cancellationToken: ct));
        return rows.AsList();
    }
}
