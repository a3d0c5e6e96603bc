using Dapper;
using Fedi.Core.Data;
using Npgsql;

namespace Fedi.Core.Tags;

/// <summary>SQL for <c>tags</c> lookups by name and <c>tag_follows</c>.</summary>
public sealed class TagFollowStore(NpgsqlDataSource db)
{
    public async Task<Tag?> FindByNameAsync(string normalizedName, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<Tag>(new CommandDefinition(
            "SELECT id, name FROM tags WHERE lower(name) = lower(@normalizedName)", new { normalizedName }, cancellationToken: ct));
    }

    /// <summary>The tag, created when nobody used it yet (Mastodon lets one follow a tag before its first post).</summary>
    public async Task<Tag> FindOrCreateAsync(string normalizedName, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "INSERT INTO tags (name) VALUES (@normalizedName) ON CONFLICT (lower(name)) DO NOTHING", new { normalizedName }, cancellationToken: ct));
        return await conn.QuerySingleAsync<Tag>(new CommandDefinition(
            "SELECT id, name FROM tags WHERE lower(name) = lower(@normalizedName)", new { normalizedName }, cancellationToken: ct));
    }

    public async Task FollowAsync(long accountId, long tagId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "INSERT INTO tag_follows (account_id, tag_id) VALUES (@accountId, @tagId) ON CONFLICT DO NOTHING",
            new { accountId, tagId }, cancellationToken: ct));
    }

    public async Task UnfollowAsync(long accountId, long tagId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM tag_follows WHERE account_id = @accountId AND tag_id = @tagId", new { accountId, tagId }, cancellationToken: ct));
    }

    /// <summary>Which of <paramref name="tagIds"/> the account follows.</summary>
    public async Task<IReadOnlySet<long>> ListFollowedAsync(long accountId, IReadOnlyCollection<long> tagIds, CancellationToken ct = default)
    {
        if (tagIds.Count == 0) return new HashSet<long>();
        await using var conn = await db.OpenConnectionAsync(ct);
        var ids = await conn.QueryAsync<long>(new CommandDefinition(
            "SELECT tag_id FROM tag_follows WHERE account_id = @accountId AND tag_id = ANY(@tagIds)",
            new { accountId, tagIds = tagIds.ToArray() }, cancellationToken: ct));
        return ids.ToHashSet();
    }

    /// <summary>GET /api/v1/followed_tags: paged by the <c>tag_follows</c> id, newest follow first.</summary>
    public async Task<RowPage<Tag>> ListPageAsync(long accountId, Page page, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long FollowId, long Id, string Name)>(new CommandDefinition($"""
            SELECT tf.id, t.id, t.name FROM tag_follows tf JOIN tags t ON t.id = tf.tag_id
            WHERE tf.account_id = @accountId AND {Page.Where("tf.id")}
            ORDER BY {page.OrderBy("tf.id")} LIMIT @limit
            """, new { accountId, maxId = page.MaxId, lowerBound = page.LowerBound, limit = page.Limit }, cancellationToken: ct));
        var list = page.NewestFirst(rows);
        return new RowPage<Tag>(list.Select(r => new Tag { Id = r.Id, Name = r.Name }).ToList(), list.Select(r => r.FollowId).ToList());
    }

    /// <summary>Daily uses and distinct authors of each tag over the last <paramref name="days"/> days (UTC), in one query.</summary>
    public async Task<ILookup<long, TagDay>> ListHistoryAsync(IReadOnlyCollection<long> tagIds, int days, CancellationToken ct = default)
    {
        if (tagIds.Count == 0) return Array.Empty<TagDay>().ToLookup(d => d.TagId);
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<TagDay>(new CommandDefinition("""
            SELECT st.tag_id, date_trunc('day', s.created_at AT TIME ZONE 'UTC') AS day,
                   count(*) AS uses, count(DISTINCT s.account_id) AS accounts
            FROM statuses_tags st JOIN statuses s ON s.id = st.status_id
            WHERE st.tag_id = ANY(@tagIds) AND s.deleted_at IS NULL
              AND s.created_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - make_interval(days => @days - 1)
            GROUP BY 1, 2
            """, new { tagIds = tagIds.ToArray(), days }, cancellationToken: ct));
        return rows.ToLookup(d => d.TagId);
    }

    /// <summary>
    /// Local accounts following any of <paramref name="tagIds"/> that the tag step of fan-out must reach: not the
    /// author and not the author's followers (the follower step already delivered, or chose not to), and none
    /// that blocks, mutes or is blocked by the author, or blocks the author's domain (Mastodon's FeedManager filter for :tags).
    /// </summary>
    public async Task<IReadOnlyList<long>> ListFanOutTargetsAsync(IReadOnlyCollection<long> tagIds, long authorId, CancellationToken ct = default)
    {
        if (tagIds.Count == 0) return [];
        await using var conn = await db.OpenConnectionAsync(ct);
        var ids = await conn.QueryAsync<long>(new CommandDefinition("""
            SELECT DISTINCT tf.account_id
            FROM tag_follows tf JOIN accounts a ON a.id = tf.account_id, accounts author
            WHERE author.id = @authorId AND tf.tag_id = ANY(@tagIds) AND tf.account_id <> @authorId
              AND a.domain IS NULL AND a.suspended_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.account_id = tf.account_id AND f.target_account_id = @authorId)
              AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.account_id = tf.account_id AND b.target_account_id = @authorId)
                                                        OR (b.account_id = @authorId AND b.target_account_id = tf.account_id))
              AND NOT EXISTS (SELECT 1 FROM mutes m WHERE m.account_id = tf.account_id AND m.target_account_id = @authorId
                              AND (m.expires_at IS NULL OR m.expires_at > now()))
              AND NOT EXISTS (SELECT 1 FROM account_domain_blocks d WHERE d.account_id = tf.account_id AND d.domain = lower(author.domain))
            """, new { tagIds = tagIds.ToArray(), authorId }, cancellationToken: ct));
        return ids.AsList();
    }

    /// <summary>Ids of the tags a status carries.</summary>
    public async Task<IReadOnlyList<long>> ListStatusTagIdsAsync(long statusId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var ids = await conn.QueryAsync<long>(new CommandDefinition(
            "SELECT tag_id FROM statuses_tags WHERE status_id = @statusId", new { statusId }, cancellationToken: ct));
        return ids.AsList();
    }
}
