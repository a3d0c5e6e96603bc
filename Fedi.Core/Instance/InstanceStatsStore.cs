using Dapper;
using Npgsql;

namespace Fedi.Core.Instance;

public sealed record InstanceStats(long UserCount, long StatusCount, long DomainCount, long ActiveMonth);

/// <summary>The counts /api/v1/instance and /api/v2/instance report.</summary>
public sealed class InstanceStatsStore(NpgsqlDataSource db)
{
    public async Task<InstanceStats> ReadAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleAsync<InstanceStats>(new CommandDefinition("""
            SELECT (SELECT count(*) FROM users u JOIN accounts a ON a.id = u.account_id WHERE a.suspended_at IS NULL) AS user_count,
                   (SELECT count(*) FROM statuses WHERE local AND deleted_at IS NULL) AS status_count,
                   (SELECT count(DISTINCT domain) FROM accounts WHERE domain IS NOT NULL) AS domain_count,
                   (SELECT count(*) FROM users WHERE current_sign_in_at > now() - interval '30 days') AS active_month
            """, cancellationToken: ct));
    }
}
