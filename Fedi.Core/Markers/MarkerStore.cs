using Dapper;
using Npgsql;

namespace Fedi.Core.Markers;

/// <summary>SQL for <c>markers</c>.</summary>
public sealed class MarkerStore(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<Marker>> ListAsync(long accountId, IReadOnlyCollection<string> timelines, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<Marker>(new CommandDefinition("""
            SELECT timeline, last_read_id, lock_version, updated_at FROM markers
            WHERE account_id = @accountId AND timeline = ANY(@timelines)
            """, new { accountId, timelines = timelines.ToArray() }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>Saves the marker, counting its version up on every change (Mastodon's lock_version).</summary>
    public async Task<Marker> SaveAsync(long accountId, string timeline, long lastReadId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleAsync<Marker>(new CommandDefinition("""
            INSERT INTO markers AS m (account_id, timeline, last_read_id) VALUES (@accountId, @timeline, @lastReadId)
            ON CONFLICT (account_id, timeline) DO UPDATE
              SET last_read_id = EXCLUDED.last_read_id, lock_version = m.lock_version + 1, updated_at = now()
            RETURNING timeline, last_read_id, lock_version, updated_at
            """, new { accountId, timeline, lastReadId }, cancellationToken: ct));
    }
}
