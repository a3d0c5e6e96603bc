using Dapper;
using Npgsql;

namespace Fedi.Core.Statuses;

/// <summary>SQL for <c>statuses</c> and <c>mentions</c>. Reads skip soft-deleted rows.</summary>
public sealed class StatusStore(NpgsqlDataSource db)
{
    public const string Columns = """
        s.id, s.uri, s.url, s.text, s.spoiler_text, s.sensitive, s.visibility, s.language, s.reply,
        s.in_reply_to_id, s.in_reply_to_account_id, s.reblog_of_id, s.account_id, s.application_id,
        s.local, s.created_at, s.edited_at, s.deleted_at
        """;

    public async Task<Status?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<Status>(new CommandDefinition(
            $"SELECT {Columns} FROM statuses s WHERE s.id = @id AND s.deleted_at IS NULL", new { id }, cancellationToken: ct));
    }

    /// <summary>Including soft-deleted rows: the removal job still needs to know whom a deleted status reached.</summary>
    public async Task<Status?> FindIncludingDeletedAsync(long id, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<Status>(new CommandDefinition(
            $"SELECT {Columns} FROM statuses s WHERE s.id = @id", new { id }, cancellationToken: ct));
    }

    /// <summary>The live statuses among <paramref name="ids"/>, newest first.</summary>
    public async Task<IReadOnlyList<Status>> ListAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return [];
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<Status>(new CommandDefinition(
            $"SELECT {Columns} FROM statuses s WHERE s.id = ANY(@ids) AND s.deleted_at IS NULL ORDER BY s.id DESC",
            new { ids = ids.Distinct().ToArray() }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>Account ids mentioned by each status.</summary>
    public async Task<ILookup<long, long>> ListMentionedAccountIdsAsync(IReadOnlyCollection<long> statusIds, CancellationToken ct = default)
    {
        if (statusIds.Count == 0) return Array.Empty<(long, long)>().ToLookup(x => x.Item1, x => x.Item2);
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long StatusId, long AccountId)>(new CommandDefinition(
            "SELECT status_id, account_id FROM mentions WHERE status_id = ANY(@statusIds) ORDER BY id",
            new { statusIds = statusIds.Distinct().ToArray() }, cancellationToken: ct));
        return rows.ToLookup(r => r.StatusId, r => r.AccountId);
    }

    /// <summary>Number of live replies to each status.</summary>
    public async Task<IReadOnlyDictionary<long, long>> CountRepliesAsync(IReadOnlyCollection<long> statusIds, CancellationToken ct = default)
    {
        if (statusIds.Count == 0) return new Dictionary<long, long>();
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long Id, long Count)>(new CommandDefinition("""
            SELECT in_reply_to_id, count(*) FROM statuses
            WHERE in_reply_to_id = ANY(@statusIds) AND deleted_at IS NULL
            GROUP BY in_reply_to_id
            """, new { statusIds = statusIds.Distinct().ToArray() }, cancellationToken: ct));
        return rows.ToDictionary(r => r.Id, r => r.Count);
    }
}
