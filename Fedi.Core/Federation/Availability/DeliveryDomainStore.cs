using Dapper;
using Npgsql;

namespace Fedi.Core.Federation.Availability;

/// <summary>SQL for <c>delivery_domains</c>: the failure days, last success and unavailability of each remote domain.</summary>
public sealed class DeliveryDomainStore(NpgsqlDataSource db)
{
    /// <summary>Mastodon's FAILURE_THRESHOLDS[:days]: failing on this many distinct days makes a domain unavailable.</summary>
    public const int FailureDays = 7;

    /// <summary>Adds today (UTC) to the domain's failure days; true when this made it unavailable.</summary>
    public async Task<bool> RecordFailureAsync(string domain, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<bool>(new CommandDefinition("""
            WITH today AS (SELECT (now() AT TIME ZONE 'UTC')::date AS day)
            INSERT INTO delivery_domains AS d (domain, failure_days, last_failure_at)
            SELECT @domain, ARRAY[day], now() FROM today
            ON CONFLICT (domain) DO UPDATE SET
              failure_days = CASE WHEN (SELECT day FROM today) = ANY(d.failure_days) THEN d.failure_days
                                  ELSE d.failure_days || (SELECT day FROM today) END,
              last_failure_at = now(),
              unavailable_since = COALESCE(d.unavailable_since, CASE
                WHEN cardinality(d.failure_days) + CASE WHEN (SELECT day FROM today) = ANY(d.failure_days) THEN 0 ELSE 1 END >= @threshold
                THEN now() END)
            RETURNING d.unavailable_since IS NOT NULL AND d.unavailable_since = now()
            """, new { domain, threshold = FailureDays }, cancellationToken: ct));
    }

    /// <summary>A success or a sign of life: the failure days go and the domain is available. <paramref name="delivered"/>
    /// also stamps the last successful delivery.</summary>
    public async Task ClearAsync(string domain, bool delivered, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO delivery_domains AS d (domain, last_success_at) VALUES (@domain, CASE WHEN @delivered THEN now() END)
            ON CONFLICT (domain) DO UPDATE SET failure_days = '{}', unavailable_since = NULL,
              last_success_at = CASE WHEN @delivered THEN now() ELSE d.last_success_at END
            """, new { domain, delivered }, cancellationToken: ct));
    }

    /// <summary>Every domain with failure days or unavailable, and whether it is unavailable.</summary>
    public async Task<IReadOnlyList<(string Domain, bool Unavailable)>> ListTroubledAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<(string, bool)>(new CommandDefinition("""
            SELECT domain, unavailable_since IS NOT NULL FROM delivery_domains WHERE failure_days <> '{}' OR unavailable_since IS NOT NULL
            """, cancellationToken: ct))).AsList();
    }
}
