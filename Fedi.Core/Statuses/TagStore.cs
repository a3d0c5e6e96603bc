using Dapper;
using Npgsql;

namespace Fedi.Core.Statuses;

/// <summary>SQL for <c>tags</c> and <c>statuses_tags</c>. Names are stored normalised (<see cref="HashtagNormalizer"/>).</summary>
public sealed class TagStore(NpgsqlDataSource db)
{
    /// <summary>
    /// Creates the missing tags and links them to the status, inside the caller's transaction (the post's), so a
    /// status never exists without its tags. Concurrent posts of a new tag meet on the unique index.
    /// </summary>
    public async Task AttachAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long statusId, IReadOnlyList<string> names,
        CancellationToken ct)
    {
        if (names.Count == 0) return;
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO tags (name) SELECT unnest(@names::text[])
            ON CONFLICT (lower(name)) DO NOTHING
            """, new { names = names.ToArray() }, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO statuses_tags (status_id, tag_id)
            SELECT @statusId, t.id FROM tags t WHERE lower(t.name) = ANY(@names::text[])
            ON CONFLICT DO NOTHING
            """, new { statusId, names = names.Select(n => n.ToLowerInvariant()).ToArray() }, transaction, cancellationToken: ct));
    }

    /// <summary>After an edit: the status keeps exactly the tags of its new text, inside the edit's transaction.</summary>
    public async Task ReplaceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long statusId, IReadOnlyList<string> names,
        CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM statuses_tags st USING tags t
            WHERE st.status_id = @statusId AND t.id = st.tag_id AND NOT lower(t.name) = ANY(@names::text[])
            """, new { statusId, names = names.Select(n => n.ToLowerInvariant()).ToArray() }, transaction, cancellationToken: ct));
        await AttachAsync(connection, transaction, statusId, names, ct);
    }

    /// <summary>Tag names of each status, in one query.</summary>
    public async Task<ILookup<long, string>> ListNamesAsync(IReadOnlyCollection<long> statusIds, CancellationToken ct = default)
    {
        if (statusIds.Count == 0) return Array.Empty<(long, string)>().ToLookup(x => x.Item1, x => x.Item2);
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long StatusId, string Name)>(new CommandDefinition("""
            SELECT st.status_id, t.name FROM statuses_tags st JOIN tags t ON t.id = st.tag_id
            WHERE st.status_id = ANY(@statusIds)
            ORDER BY t.name
            """, new { statusIds = statusIds.Distinct().ToArray() }, cancellationToken: ct));
        return rows.ToLookup(r => r.StatusId, r => r.Name);
    }

    /// <summary>Ids of the tags among <paramref name="names"/> (already normalised) that exist.</summary>
    public async Task<IReadOnlyList<long>> ListIdsAsync(IReadOnlyCollection<string> names, CancellationToken ct = default)
    {
        if (names.Count == 0) return [];
        await using var conn = await db.OpenConnectionAsync(ct);
        var ids = await conn.QueryAsync<long>(new CommandDefinition(
            "SELECT id FROM tags WHERE lower(name) = ANY(@names::text[])",
            new { names = names.Select(n => n.ToLowerInvariant()).ToArray() }, cancellationToken: ct));
        return ids.AsList();
    }
}
