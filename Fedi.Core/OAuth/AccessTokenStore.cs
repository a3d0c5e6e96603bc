using Dapper;
using Npgsql;

namespace Fedi.Core.OAuth;

/// <summary>SQL for <c>oauth_access_tokens</c>.</summary>
public sealed class AccessTokenStore(NpgsqlDataSource db)
{
    /// <summary>The token with its user's state, revoked or not; null when no such token exists.</summary>
    public async Task<AccessToken?> FindBySecretAsync(string secret, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<AccessToken>(new CommandDefinition("""
            SELECT t.id, t.application_id, t.scopes, t.revoked_at,
                   u.id AS user_id, u.account_id, COALESCE(u.disabled, false) AS user_disabled,
                   (u.confirmed_at IS NOT NULL) AS user_confirmed, COALESCE(u.approved, false) AS user_approved,
                   a.suspended_at AS account_suspended_at, u.current_sign_in_at, u.chosen_languages
            FROM oauth_access_tokens t
            LEFT JOIN users u ON u.id = t.resource_owner_id
            LEFT JOIN accounts a ON a.id = u.account_id
            WHERE t.token_digest = @digest
            """, new { digest = TokenDigest.Of(secret) }, cancellationToken: ct));
    }

    /// <summary>Issues a token on its own connection.</summary>
    public async Task<IssuedToken> CreateAsync(long? applicationId, long? userId, string scopes, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await InsertOnAsync(conn, null, applicationId, userId, scopes, ct);
    }

    /// <summary>Issues a token inside the caller's transaction (sign-up, code redemption).</summary>
    public Task<IssuedToken> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long? applicationId, long? userId,
        string scopes, CancellationToken ct) =>
        InsertOnAsync(connection, transaction, applicationId, userId, scopes, ct);

    private static async Task<IssuedToken> InsertOnAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, long? applicationId, long? userId,
        string scopes, CancellationToken ct)
    {
        var secret = TokenDigest.NewSecret();
        var row = await conn.QuerySingleAsync<(long Id, DateTime CreatedAt)>(new CommandDefinition("""
            INSERT INTO oauth_access_tokens (token_digest, application_id, resource_owner_id, scopes)
            VALUES (@digest, @applicationId, @userId, @scopes)
            RETURNING id, created_at
            """, new { digest = TokenDigest.Of(secret), applicationId, userId, scopes }, tx, cancellationToken: ct));
        return new IssuedToken(row.Id, secret, scopes, row.CreatedAt);
    }

    /// <summary>Marks revoked; returns the ids that were live until now (for kill events).</summary>
    public async Task<IReadOnlyList<long>> RevokeAsync(string secret, long? applicationId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var ids = await conn.QueryAsync<long>(new CommandDefinition("""
            UPDATE oauth_access_tokens SET revoked_at = now()
            WHERE token_digest = @digest AND revoked_at IS NULL
              AND (@applicationId::bigint IS NULL OR application_id = @applicationId)
            RETURNING id
            """, new { digest = TokenDigest.Of(secret), applicationId }, cancellationToken: ct));
        return ids.AsList();
    }

    /// <summary>Deletes tokens revoked before <paramref name="revokedBefore"/> (Doorkeeper's cleanup); how many.</summary>
    public async Task<int> DeleteRevokedAsync(DateTime revokedBefore, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition("""
            DELETE FROM oauth_access_tokens WHERE revoked_at < @revokedBefore
            """, new { revokedBefore }, cancellationToken: ct));
    }
}
