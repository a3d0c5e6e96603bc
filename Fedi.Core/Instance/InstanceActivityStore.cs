using Dapper;
using Npgsql;

namespace Fedi.Core.Instance;

/// <summary>One week of the server's activity, the week starting at <see cref="Week"/> (Monday 00:00 UTC).</summary>
public sealed record InstanceWeek(DateTime Week, long Statuses, long Logins, long Registrations);

/// <summary>
/// GET /api/v1/instance/activity: the last 12 weeks, this one first. Mastodon counts logins in Redis per week;
/// here a login is a user whose latest sign-in fell in that week, which undercounts users who came back later.
/// </summary>
public sealed class InstanceActivityStore(NpgsqlDataSource db)
{
    public const int Weeks = 12;

    public async Task<IReadOnlyList<InstanceWeek>> ListAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<InstanceWeek>(new CommandDefinition("""
            WITH weeks AS (
                SELECT generate_series(date_trunc('week', now() AT TIME ZONE 'UTC') - interval '1 week' * (@weeks - 1),
                                       date_trunc('week', now() AT TIME ZONE 'UTC'), interval '1 week') AS week)
            SELECT w.week,
                   (SELECT count(*) FROM statuses s WHERE s.local AND s.deleted_at IS NULL
                        AND s.created_at >= w.week AT TIME ZONE 'UTC' AND s.created_at < (w.week + interval '1 week') AT TIME ZONE 'UTC') AS statuses,
                   (SELECT count(*) FROM users u
                        WHERE u.current_sign_in_at >= w.week AT TIME ZONE 'UTC' AND u.current_sign_in_at < (w.week + interval '1 week') AT TIME ZONE 'UTC') AS logins,
                   (SELECT count(*) FROM users u
                        WHERE u.created_at >= w.week AT TIME ZONE 'UTC' AND u.created_at < (w.week + interval '1 week') AT TIME ZONE 'UTC') AS registrations
            FROM weeks w ORDER BY w.week DESC
            """, new { weeks = Weeks }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>Domains of the remote accounts this server knows (Mastodon's peers), alphabetical.</summary>
    public async Task<IReadOnlyList<string>> ListPeersAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT lower(domain) FROM accounts WHERE domain IS NOT NULL ORDER BY 1", cancellationToken: ct));
        return rows.AsList();
    }
}
