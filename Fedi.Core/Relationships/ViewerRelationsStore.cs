using Dapper;
using Npgsql;

namespace Fedi.Core.Relationships;

/// <summary>Loads a viewer's <see cref="ViewerRelations"/> in one round trip (the streaming tier, once per connection and per change).</summary>
public sealed class ViewerRelationsStore(NpgsqlDataSource db)
{
    public async Task<ViewerRelations> FindAsync(long viewerId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(string Kind, long? AccountId, DateTime? ExpiresAt, string? Domain)>(new CommandDefinition("""
            SELECT 'b', target_account_id, NULL::timestamptz, NULL::text FROM blocks WHERE account_id = @viewerId
            UNION ALL
            SELECT 'm', target_account_id, expires_at, NULL FROM mutes
              WHERE account_id = @viewerId AND (expires_at IS NULL OR expires_at > now())
            UNION ALL
            SELECT 'x', account_id, NULL, NULL FROM blocks WHERE target_account_id = @viewerId
            UNION ALL
            SELECT 'd', NULL, NULL, domain FROM account_domain_blocks WHERE account_id = @viewerId
            """, new { viewerId }, cancellationToken: ct));
        HashSet<long> blocking = [], blockedBy = [];
        Dictionary<long, DateTime?> muting = [];
        HashSet<string> domains = new(StringComparer.Ordinal);
        foreach (var (kind, accountId, expiresAt, domain) in rows)
        {
            switch (kind)
            {
                case "b": blocking.Add(accountId!.Value); break;
                case "m": muting[accountId!.Value] = expiresAt; break;
                case "x": blockedBy.Add(accountId!.Value); break;
                case "d": domains.Add(domain!); break;
            }
        }
        return new ViewerRelations(blocking, muting, blockedBy, domains);
    }
}
