using Dapper;
using Npgsql;

namespace Fedi.Core.Announcements;

/// <summary>SQL for <c>announcements</c>, <c>announcement_mutes</c> and <c>announcement_reactions</c>.</summary>
public sealed class AnnouncementStore(NpgsqlDataSource db)
{
    private const string Columns = "a.id, a.text, a.starts_at, a.ends_at, a.all_day, a.published_at, a.updated_at";

    /// <summary>Announcements not yet ended, newest first, with the reader's dismissal; dismissed ones only when asked.</summary>
    public async Task<IReadOnlyList<Announcement>> ListActiveAsync(long? accountId, bool withDismissed, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<Announcement>(new CommandDefinition($"""
            SELECT {Columns}, EXISTS (SELECT 1 FROM announcement_mutes m WHERE m.announcement_id = a.id AND m.account_id = @accountId) AS read
            FROM announcements a
            WHERE (a.ends_at IS NULL OR a.ends_at > now())
              AND (@withDismissed OR NOT EXISTS (SELECT 1 FROM announcement_mutes m WHERE m.announcement_id = a.id AND m.account_id = @accountId))
            ORDER BY a.published_at DESC, a.id DESC
            """, new { accountId, withDismissed }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>Every announcement, ended ones too, for the operator.</summary>
    public async Task<IReadOnlyList<Announcement>> ListAllAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<Announcement>(new CommandDefinition(
            $"SELECT {Columns} FROM announcements a ORDER BY a.id", cancellationToken: ct))).AsList();
    }

    public async Task<bool> ExistsActiveAsync(long id, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM announcements WHERE id = @id AND (ends_at IS NULL OR ends_at > now()))", new { id }, cancellationToken: ct));
    }

    public async Task<ILookup<long, AnnouncementReaction>> ListReactionsAsync(IReadOnlyCollection<long> ids, long? accountId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<AnnouncementReaction>(new CommandDefinition("""
            SELECT announcement_id, name, count(*)::int AS count, bool_or(account_id = @accountId) AS me
            FROM announcement_reactions WHERE announcement_id = ANY(@ids)
            GROUP BY announcement_id, name ORDER BY min(created_at)
            """, new { ids = ids.ToArray(), accountId }, cancellationToken: ct));
        return rows.ToLookup(r => r.AnnouncementId);
    }

    public async Task<Announcement> AddAsync(string text, DateTime? startsAt, DateTime? endsAt, bool allDay, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleAsync<Announcement>(new CommandDefinition($"""
            INSERT INTO announcements AS a (text, starts_at, ends_at, all_day) VALUES (@text, @startsAt, @endsAt, @allDay)
            RETURNING {Columns}
            """, new { text, startsAt, endsAt, allDay }, cancellationToken: ct));
    }

    public async Task<bool> RemoveAsync(long id, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition("DELETE FROM announcements WHERE id = @id", new { id }, cancellationToken: ct)) > 0;
    }

    /// <summary>Dismisses an active announcement for the reader (again is fine); false when there is no such announcement.</summary>
    public async Task<bool> DismissAsync(long accountId, long id, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<bool>(new CommandDefinition("""
            WITH active AS (SELECT id FROM announcements WHERE id = @id AND (ends_at IS NULL OR ends_at > now())),
                 dismissed AS (INSERT INTO announcement_mutes (account_id, announcement_id)
                               SELECT @accountId, id FROM active ON CONFLICT DO NOTHING)
            SELECT EXISTS (SELECT 1 FROM active)
            """, new { accountId, id }, cancellationToken: ct));
    }

    /// <summary>Adds the reader's reaction unless the announcement already carries <paramref name="maxNames"/> other emoji.</summary>
    public async Task<bool> ReactAsync(long accountId, long id, string name, int maxNames, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO announcement_reactions (account_id, announcement_id, name)
            SELECT @accountId, @id, @name
            WHERE EXISTS (SELECT 1 FROM announcement_reactions WHERE announcement_id = @id AND name = @name)
               OR (SELECT count(DISTINCT name) FROM announcement_reactions WHERE announcement_id = @id) < @maxNames
            ON CONFLICT DO NOTHING
            """, new { accountId, id, name, maxNames }, cancellationToken: ct)) > 0
            || await conn.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM announcement_reactions WHERE account_id = @accountId AND announcement_id = @id AND name = @name)",
                new { accountId, id, name }, cancellationToken: ct));
    }

    public async Task UnreactAsync(long accountId, long id, string name, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM announcement_reactions WHERE account_id = @accountId AND announcement_id = @id AND name = @name",
            new { accountId, id, name }, cancellationToken: ct));
    }
}
