using Dapper;
using Npgsql;

namespace Fedi.Worker.Maintenance;

/// <summary>SQL of the maintenance tasks: inactive users for the feeds vacuum, and the OAuth rows to prune.</summary>
public sealed class MaintenanceStore(NpgsqlDataSource db)
{
    /// <summary>Account ids (above <paramref name="after"/>, ascending) of local users not signed in since
    /// <paramref name="activeSince"/> — the complement of the fan-out's active followers.</summary>
    public async Task<IReadOnlyList<long>> ListInactiveAccountIdsAsync(long after, DateTime activeSince, int limit, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<long>(new CommandDefinition("""
            SELECT account_id FROM users
            WHERE account_id > @after AND (current_sign_in_at IS NULL OR current_sign_in_at < @activeSince)
            ORDER BY account_id
            LIMIT @limit
            """, new { after, activeSince, limit }, cancellationToken: ct))).AsList();
    }

    /// <summary>Doorkeeper's cleanup: tokens revoked before <paramref name="revokedBefore"/>, grants expired or
    /// revoked (a grant lives minutes; an expired one can never be exchanged).</summary>
    public async Task<(int Tokens, int Grants)> DeleteStaleOAuthRowsAsync(DateTime revokedBefore, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var tokens = await conn.ExecuteAsync(new CommandDefinition("""
            DELETE FROM oauth_access_tokens WHERE revoked_at < @revokedBefore
            """, new { revokedBefore }, cancellationToken: ct));
        var grants = await conn.ExecuteAsync(new CommandDefinition("""
            DELETE FROM oauth_access_grants
            WHERE revoked_at IS NOT NULL OR created_at + make_interval(secs => expires_in) < now()
            """, cancellationToken: ct));
        return (tokens, grants);
    }
}
