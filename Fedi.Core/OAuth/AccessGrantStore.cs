using Dapper;
using Npgsql;

namespace Fedi.Core.OAuth;

/// <summary>SQL for <c>oauth_access_grants</c>. Codes are stored only as digests.</summary>
public sealed class AccessGrantStore(NpgsqlDataSource db)
{
    /// <summary>Issues a code; returns the secret, shown once to the client.</summary>
    public async Task<string> InsertAsync(long userId, long applicationId, string redirectUri, string scopes,
        string? codeChallenge, string? codeChallengeMethod, CancellationToken ct = default)
    {
        var code = TokenDigest.NewSecret();
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO oauth_access_grants (token_digest, resource_owner_id, application_id, expires_in, redirect_uri, scopes, code_challenge, code_challenge_method)
            VALUES (@digest, @userId, @applicationId, @expiresIn, @redirectUri, @scopes, @codeChallenge, @codeChallengeMethod)
            """, new
        {
            digest = TokenDigest.Of(code), userId, applicationId, expiresIn = (int)AccessGrant.Lifetime.TotalSeconds,
            redirectUri, scopes, codeChallenge, codeChallengeMethod,
        }, cancellationToken: ct));
        return code;
    }

    /// <summary>The grant for a code, row-locked in the caller's transaction so a code is redeemed once.</summary>
    public Task<AccessGrant?> FindForUpdateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string code, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<AccessGrant>(new CommandDefinition("""
            SELECT id, resource_owner_id, application_id, expires_in, redirect_uri, scopes, code_challenge,
                   code_challenge_method, created_at, revoked_at
            FROM oauth_access_grants WHERE token_digest = @digest
            FOR UPDATE
            """, new { digest = TokenDigest.Of(code) }, transaction, cancellationToken: ct));

    /// <summary>Marks a redeemed grant revoked, inside the redemption's transaction.</summary>
    public Task RevokeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long grantId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE oauth_access_grants SET revoked_at = now() WHERE id = @grantId", new { grantId }, transaction, cancellationToken: ct));

    /// <summary>Deletes grants expired or revoked (a grant lives minutes; an expired one can never be exchanged); how many.</summary>
    public async Task<int> DeleteStaleAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition("""
            DELETE FROM oauth_access_grants
            WHERE revoked_at IS NOT NULL OR created_at + make_interval(secs => expires_in) < now()
            """, cancellationToken: ct));
    }
}
