using Dapper;
using Npgsql;

namespace Fedi.Core.Interactions;

/// <summary>What one viewer has done with one status: the Status entity's viewer fields.</summary>
public sealed record ViewerStatusFlags(bool Favourited, bool Reblogged, bool Bookmarked, bool Muted, bool Pinned)
{
    public static readonly ViewerStatusFlags None = new(false, false, false, false, false);
}

/// <summary>
/// Loads <see cref="ViewerStatusFlags"/> for a whole page of statuses in one query (Mastodon's
/// StatusRelationshipsPresenter), whatever endpoint renders them.
/// </summary>
public sealed class ViewerStatusFlagsStore(NpgsqlDataSource db)
{
    public async Task<IReadOnlyDictionary<long, ViewerStatusFlags>> ListAsync(long viewerId, IReadOnlyCollection<long> statusIds, CancellationToken ct = default)
    {
        if (statusIds.Count == 0) return new Dictionary<long, ViewerStatusFlags>();
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long Id, bool Favourited, bool Reblogged, bool Bookmarked, bool Muted, bool Pinned)>(new CommandDefinition("""
            SELECT s.id,
                   EXISTS (SELECT 1 FROM favourites f WHERE f.account_id = @viewerId AND f.status_id = s.id),
                   EXISTS (SELECT 1 FROM statuses r WHERE r.account_id = @viewerId AND r.reblog_of_id = s.id AND r.deleted_at IS NULL),
                   EXISTS (SELECT 1 FROM bookmarks b WHERE b.account_id = @viewerId AND b.status_id = s.id),
                   EXISTS (SELECT 1 FROM conversation_mutes c WHERE c.account_id = @viewerId AND c.conversation_id = s.conversation_id),
                   EXISTS (SELECT 1 FROM status_pins p WHERE p.account_id = @viewerId AND p.status_id = s.id)
            FROM statuses s WHERE s.id = ANY(@ids)
            """, new { viewerId, ids = statusIds.Distinct().ToArray() }, cancellationToken: ct));
        return rows.ToDictionary(r => r.Id, r => new ViewerStatusFlags(r.Favourited, r.Reblogged, r.Bookmarked, r.Muted, r.Pinned));
    }
}
