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

    /// <summary>Every domain with remote accounts or a delivery record, by name.</summary>
    public async Task<IReadOnlyList<DeliveryDomain>> ListAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<DeliveryDomain>(new CommandDefinition("""
            WITH known AS (
              SELECT lower(a.domain) AS domain, count(*) AS accounts,
                     count(*) FILTER (WHERE EXISTS (SELECT 1 FROM follows f JOIN accounts l ON l.id = f.target_account_id
                                                    WHERE f.account_id = a.id AND l.domain IS NULL)) AS followers
              FROM accounts a WHERE a.domain IS NOT NULL GROUP BY lower(a.domain))
            SELECT COALESCE(k.domain, d.domain) AS domain, COALESCE(k.accounts, 0) AS accounts, COALESCE(k.followers, 0) AS followers,
                   d.last_success_at AS lastsuccessat, COALESCE(cardinality(d.failure_days), 0) AS failuredays,
                   d.unavailable_since AS unavailablesince
            FROM known k FULL JOIN delivery_domains d ON d.domain = k.domain
            ORDER BY 1
            """, cancellationToken: ct));
        return rows.AsList();
    }
}
