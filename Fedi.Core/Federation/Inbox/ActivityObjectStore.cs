using Dapper;
using Npgsql;

namespace Fedi.Core.Federation.Inbox;

/// <summary>SQL that finds what an inbound activity's object names: a status (local or remote) or a reblog, by ActivityPub uri.</summary>
public sealed class ActivityObjectStore(NpgsqlDataSource db)
{
    /// <summary>The live status (not a reblog) whose uri is <paramref name="uri"/>, local or remote.</summary>
    public async Task<long?> FindStatusIdAsync(string uri, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM statuses WHERE uri = @uri AND deleted_at IS NULL AND reblog_of_id IS NULL", new { uri }, cancellationToken: ct));
    }

    /// <summary>The status that <paramref name="accountId"/>'s live reblog with uri <paramref name="uri"/> (its Announce's id) wraps.</summary>
    public async Task<long?> FindReblogOfAsync(long accountId, string uri, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<long?>(new CommandDefinition("""
            SELECT reblog_of_id FROM statuses
            WHERE uri = @uri AND account_id = @accountId AND reblog_of_id IS NOT NULL AND deleted_at IS NULL
            """, new { uri, accountId }, cancellationToken: ct));
    }
}
