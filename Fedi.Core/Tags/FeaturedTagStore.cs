using Dapper;
using Npgsql;

namespace Fedi.Core.Tags;

/// <summary>SQL for <c>featured_tags</c>.</summary>
public sealed class FeaturedTagStore(NpgsqlDataSource db)
{
    // Mastodon's distributable statuses of the account carrying the tag: public and unlisted, originals, not deleted.
    private const string Select = """
        SELECT ft.id, ft.account_id, ft.tag_id, ft.name, used.statuses_count, used.last_status_at
        FROM featured_tags ft
        CROSS JOIN LATERAL (
            SELECT count(*) AS statuses_count, max(s.created_at) AS last_status_at
            FROM statuses_tags st JOIN statuses s ON s.id = st.status_id
            WHERE st.tag_id = ft.tag_id AND s.account_id = ft.account_id
              AND s.visibility IN (0, 1) AND s.deleted_at IS NULL AND s.reblog_of_id IS NULL) used
        """;

    /// <summary>The account's featured tags, most used first.</summary>
    public async Task<IReadOnlyList<FeaturedTag>> ListAsync(long accountId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<FeaturedTag>(new CommandDefinition(
            $"{Select} WHERE ft.account_id = @accountId ORDER BY used.statuses_count DESC, ft.id", new { accountId }, cancellationToken: ct))).AsList();
    }

    /// <summary>
    /// Features tag <paramref name="tagId"/>, shown as <paramref name="name"/>, unless it already is or the account has
    /// <paramref name="limit"/>: the new row, or why not.
    /// </summary>
    public async Task<(FeaturedTag? Added, bool Taken)> AddAsync(long accountId, long tagId, string name, int limit, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var id = await conn.ExecuteScalarAsync<long?>(new CommandDefinition("""
            INSERT INTO featured_tags (account_id, tag_id, name)
            SELECT @accountId, @tagId, @name WHERE (SELECT count(*) FROM featured_tags WHERE account_id = @accountId) < @limit
            ON CONFLICT (account_id, tag_id) DO NOTHING
            RETURNING id
            """, new { accountId, tagId, name, limit }, cancellationToken: ct));
        if (id is null)
        {
            var taken = await conn.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM featured_tags WHERE account_id = @accountId AND tag_id = @tagId)",
                new { accountId, tagId }, cancellationToken: ct));
            return (null, taken);
        }
        return (await conn.QuerySingleAsync<FeaturedTag>(new CommandDefinition($"{Select} WHERE ft.id = @id", new { id }, cancellationToken: ct)), false);
    }

    public async Task<bool> RemoveAsync(long accountId, long id, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM featured_tags WHERE id = @id AND account_id = @accountId", new { id, accountId }, cancellationToken: ct)) > 0;
    }

    /// <summary>The tags the account used most in its last 500 posts and does not feature yet (Mastodon's suggestions_for_account).</summary>
    public async Task<IReadOnlyList<Tag>> ListSuggestionsAsync(long accountId, int limit, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<Tag>(new CommandDefinition("""
            WITH recent AS (SELECT id FROM statuses WHERE account_id = @accountId AND deleted_at IS NULL ORDER BY id DESC LIMIT 500)
            SELECT t.id, t.name
            FROM recent r JOIN statuses_tags st ON st.status_id = r.id JOIN tags t ON t.id = st.tag_id
            WHERE NOT EXISTS (SELECT 1 FROM featured_tags ft WHERE ft.account_id = @accountId AND ft.tag_id = t.id)
            GROUP BY t.id, t.name ORDER BY count(*) DESC, t.name LIMIT @limit
            """, new { accountId, limit }, cancellationToken: ct))).AsList();
    }
}
