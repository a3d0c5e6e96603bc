using Dapper;
using Npgsql;

namespace Fedi.Core.Statuses;

/// <summary>
/// SQL for threads (Mastodon's StatusThreadingConcern): the walk up <c>in_reply_to_id</c> and the depth-first walk
/// down, each bounded, then only what <c>@viewerId</c> may read and their blocks and mutes leave
/// (<see cref="StatusFilterStore.ReadableByViewer"/>, <see cref="StatusFilterStore.VisibleOnTimeline"/>).
/// </summary>
public sealed class StatusContextStore(NpgsqlDataSource db)
{
    private static readonly string Shown = $"s.deleted_at IS NULL AND {StatusFilterStore.ReadableByViewer} AND {StatusFilterStore.VisibleOnTimeline}";

    /// <summary>Up to <paramref name="limit"/> statuses above <paramref name="statusId"/>, oldest (the root) first. The walk passes through deleted ones.</summary>
    public async Task<IReadOnlyList<Status>> ListAncestorsAsync(long statusId, long? viewerId, int limit, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<Status>(new CommandDefinition($"""
            WITH RECURSIVE up (id, in_reply_to_id, depth) AS (
                SELECT id, in_reply_to_id, 0 FROM statuses WHERE id = @statusId
                UNION ALL
                SELECT p.id, p.in_reply_to_id, up.depth + 1 FROM up JOIN statuses p ON p.id = up.in_reply_to_id
                WHERE up.depth < @limit
            )
            SELECT {StatusStore.Columns} FROM up JOIN statuses s ON s.id = up.id
            WHERE up.depth > 0 AND {Shown}
            ORDER BY up.depth DESC
            """, new { statusId, viewerId, limit }, cancellationToken: ct))).AsList();
    }

    /// <summary>
    /// Up to <paramref name="limit"/> replies below <paramref name="statusId"/>, at most <paramref name="depth"/> levels
    /// deep (null: any), depth first with each level's replies oldest first (Mastodon's ORDER BY path).
    /// </summary>
    public async Task<IReadOnlyList<Status>> ListDescendantsAsync(long statusId, long? viewerId, int limit, int? depth, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<Status>(new CommandDefinition($"""
            WITH RECURSIVE tree (id, path) AS (
                SELECT id, ARRAY[id] FROM statuses WHERE in_reply_to_id = @statusId
                UNION ALL
                SELECT c.id, tree.path || c.id FROM tree JOIN statuses c ON c.in_reply_to_id = tree.id
                WHERE (@depth::integer IS NULL OR array_length(tree.path, 1) < @depth) AND NOT c.id = ANY(tree.path)
            ),
            page AS (SELECT id, path FROM tree ORDER BY path LIMIT @limit)
            SELECT {StatusStore.Columns} FROM page JOIN statuses s ON s.id = page.id
            WHERE {Shown}
            ORDER BY page.path
            """, new { statusId, viewerId, limit, depth }, cancellationToken: ct))).AsList();
    }

    /// <summary>Those of <paramref name="ids"/> the viewer may read, in the order asked (GET /api/v1/statuses?id[]=).</summary>
    public async Task<IReadOnlyList<Status>> ListReadableAsync(IReadOnlyList<long> ids, long? viewerId, CancellationToken ct = default)
    {
        if (ids.Count == 0) return [];
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = (await conn.QueryAsync<Status>(new CommandDefinition($"""
            SELECT {StatusStore.Columns} FROM statuses s WHERE s.id = ANY(@ids) AND {Shown}
            """, new { ids = ids.ToArray(), viewerId }, cancellationToken: ct))).ToDictionary(s => s.Id);
        return ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
    }
}
