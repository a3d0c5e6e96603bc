using Dapper;
using Fedi.Core.Data;
using Fedi.Core.Media;
using Fedi.Core.Statuses;
using Npgsql;

namespace Fedi.Core.Timelines;

/// <summary>SQL behind the timelines. Visibility rules are spelled out here, next to the data.</summary>
public sealed class TimelineStore(NpgsqlDataSource db)
{
    /// <summary>Public timeline: public, not reblogs, not replies to others; optionally local or remote only; nothing the viewer's blocks and mutes hide.</summary>
    public async Task<IReadOnlyList<Status>> ListPublicAsync(Page page, bool? local, long? viewerId, bool onlyMedia, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<Status>(new CommandDefinition($"""
            SELECT {StatusStore.Columns}
            FROM statuses s JOIN accounts a ON a.id = s.account_id
            WHERE s.deleted_at IS NULL AND s.visibility = 0 AND s.reblog_of_id IS NULL
              AND (NOT s.reply OR s.in_reply_to_account_id = s.account_id)
              AND a.suspended_at IS NULL AND a.silenced_at IS NULL
              AND (@local::boolean IS NULL OR s.local = @local)
              AND {MediaAttachmentStore.OnlyMediaFilter}
              AND {StatusFilterStore.VisibleOnTimeline}
              AND {Page.Where("s.id")}
            ORDER BY {page.OrderBy("s.id")}
            LIMIT @limit
            """, new { local, viewerId, onlyMedia, maxId = page.MaxId, lowerBound = page.LowerBound, limit = page.Limit }, cancellationToken: ct));
        return page.NewestFirst(rows);
    }

    /// <summary>
    /// An account's statuses as <paramref name="viewerId"/> may see them: everything for the author;
    /// public, unlisted and (for followers) private for others, plus what mentions the viewer; nothing when the
    /// account blocks the viewer (<see cref="StatusFilterStore.VisibleOnProfile"/>).
    /// </summary>
    public async Task<IReadOnlyList<Status>> ListByAccountAsync(long accountId, long? viewerId, Page page, bool excludeReplies, bool onlyMedia, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<Status>(new CommandDefinition($"""
            SELECT {StatusStore.Columns}
            FROM statuses s
            WHERE s.account_id = @accountId AND s.deleted_at IS NULL
              AND {StatusFilterStore.ReadableByViewer}
              AND (NOT @excludeReplies OR NOT s.reply OR s.in_reply_to_account_id = s.account_id)
              AND {MediaAttachmentStore.OnlyMediaFilter}
              AND {StatusFilterStore.VisibleOnProfile}
              AND {Page.Where("s.id")}
            ORDER BY {page.OrderBy("s.id")}
            LIMIT @limit
            """, new { accountId, viewerId, excludeReplies, onlyMedia, maxId = page.MaxId, lowerBound = page.LowerBound, limit = page.Limit }, cancellationToken: ct));
        return page.NewestFirst(rows);
    }

    /// <summary>
    /// The newest <paramref name="limit"/> status ids that belong in a home feed: the owner's own, and those
    /// of followed accounts the owner may see (their reblogs only where the follow shows reblogs) — except replies to accounts the owner does not follow and
    /// statuses of accounts the owner blocks or mutes (Mastodon's home filter).
    /// </summary>
    public async Task<IReadOnlyList<long>> ListHomeFeedIdsAsync(long accountId, int limit, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var ids = await conn.QueryAsync<long>(new CommandDefinition("""
            WITH followed AS (SELECT target_account_id AS id, show_reblogs FROM follows WHERE account_id = @accountId),
                 hidden AS (SELECT target_account_id AS id FROM blocks WHERE account_id = @accountId
                            UNION ALL
                            SELECT target_account_id FROM mutes
                            WHERE account_id = @accountId AND (expires_at IS NULL OR expires_at > now()))
            SELECT s.id FROM statuses s
            WHERE s.deleted_at IS NULL
              AND (
                s.account_id = @accountId
                OR (s.account_id IN (SELECT id FROM followed) AND s.account_id NOT IN (SELECT id FROM hidden)
                    AND (s.visibility IN (0, 1, 2)
                         OR EXISTS (SELECT 1 FROM mentions m WHERE m.status_id = s.id AND m.account_id = @accountId))
                    AND (s.reblog_of_id IS NULL OR s.account_id IN (SELECT id FROM followed WHERE show_reblogs))
                    AND (NOT s.reply OR s.in_reply_to_account_id IS NULL
                         OR s.in_reply_to_account_id IN (s.account_id, @accountId)
                         OR s.in_reply_to_account_id IN (SELECT id FROM followed)))
              )
            ORDER BY s.id DESC
            LIMIT @limit
            """, new { accountId, limit }, cancellationToken: ct));
        return ids.AsList();
    }

    /// <summary>
    /// The newest public statuses (not reblogs) carrying a hashtag the owner follows, from accounts the owner
    /// neither blocks nor mutes: what tag fan-out puts in a home feed, for a rebuild to put back.
    /// </summary>
    public async Task<IReadOnlyList<long>> ListFollowedTagStatusIdsAsync(long accountId, int limit, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var ids = await conn.QueryAsync<long>(new CommandDefinition("""
            SELECT DISTINCT st.status_id FROM tag_follows tf
            JOIN statuses_tags st ON st.tag_id = tf.tag_id
            JOIN statuses s ON s.id = st.status_id
            WHERE tf.account_id = @accountId AND s.deleted_at IS NULL AND s.visibility = 0 AND s.reblog_of_id IS NULL
              AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.account_id = @accountId AND b.target_account_id = s.account_id)
              AND NOT EXISTS (SELECT 1 FROM mutes m WHERE m.account_id = @accountId AND m.target_account_id = s.account_id
                              AND (m.expires_at IS NULL OR m.expires_at > now()))
            ORDER BY st.status_id DESC
            LIMIT @limit
            """, new { accountId, limit }, cancellationToken: ct));
        return ids.AsList();
    }
}
