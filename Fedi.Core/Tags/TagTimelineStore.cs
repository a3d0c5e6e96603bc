using Dapper;
using Fedi.Core.Data;
using Fedi.Core.Media;
using Fedi.Core.Statuses;
using Npgsql;

namespace Fedi.Core.Tags;

/// <summary>SQL behind the hashtag timeline (Mastodon's TagFeed): public statuses, replies included, no reblogs.</summary>
public sealed class TagTimelineStore(NpgsqlDataSource db)
{
    /// <param name="anyIds">the statuses carry at least one of these tags (the timeline's tag and any[]).</param>
    /// <param name="allIds">…and every one of these (all[]).</param>
    /// <param name="noneIds">…and none of these (none[]).</param>
    /// <param name="local">true: this server's only; false: other servers' only; null: both.</param>
    /// <param name="viewerId">whose blocks and mutes leave statuses out (<see cref="StatusFilterStore.VisibleOnTimeline"/>); null: anonymous.</param>
    public async Task<IReadOnlyList<Status>> ListAsync(
        IReadOnlyCollection<long> anyIds, IReadOnlyCollection<long> allIds, IReadOnlyCollection<long> noneIds,
        bool? local, long? viewerId, Page page, bool onlyMedia, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<Status>(new CommandDefinition($"""
            SELECT {StatusStore.Columns}
            FROM statuses s JOIN accounts a ON a.id = s.account_id
            WHERE s.deleted_at IS NULL AND s.visibility = 0 AND s.reblog_of_id IS NULL
              AND a.suspended_at IS NULL AND a.silenced_at IS NULL
              AND s.id IN (SELECT st.status_id FROM statuses_tags st WHERE st.tag_id = ANY(@anyIds))
              AND NOT EXISTS (SELECT 1 FROM unnest(@allIds::bigint[]) wanted(id)
                              WHERE NOT EXISTS (SELECT 1 FROM statuses_tags st WHERE st.status_id = s.id AND st.tag_id = wanted.id))
              AND NOT EXISTS (SELECT 1 FROM statuses_tags st WHERE st.status_id = s.id AND st.tag_id = ANY(@noneIds))
              AND (@local::boolean IS NULL OR s.local = @local)
              AND {MediaAttachmentStore.OnlyMediaFilter}
              AND {StatusFilterStore.VisibleOnTimeline}
              AND {Page.Where("s.id")}
            ORDER BY {page.OrderBy("s.id")}
            LIMIT @limit
            """, new
        {
            anyIds = anyIds.ToArray(), allIds = allIds.ToArray(), noneIds = noneIds.ToArray(), local, viewerId, onlyMedia,
            maxId = page.MaxId, lowerBound = page.LowerBound, limit = page.Limit,
        }, cancellationToken: ct));
        return page.NewestFirst(rows);
    }
}
