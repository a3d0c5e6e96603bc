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
    public static Task<AccessGrant?> FindForUpdateAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string code, CancellationToken ct) =>
        conn.QuerySingleOrDefaultAsync<AccessGrant>(new CommandDefinition("""
            SELECT id, resource_owner_id, application_id, expires_in, redirect_uri, scopes, code_challenge,
                   code_challenge_method, created_at, revoked_at
            FROM oauth_access_grants WHERE token_digest = @digest
            FOR UPDATE
            """, new { digest = TokenDigest.Of(code) }, tx, cancellationToken: ct));

    public static Task RevokeAsync(NpgsqlConnection conn, NpgsqlTransaction tx, long grantId, CancellationToken ct) =>
        conn.ExecuteAsync(new CommandDefinition(
            "UPDATE oauth_access_grants SET revoked_at = now() WHERE id = @grantId", new { grantId }, tx, cancellationToken: ct));
}
