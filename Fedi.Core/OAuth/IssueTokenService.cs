using Fedi.Core.Accounts;
using Fedi.Core.Configuration;
using Npgsql;

namespace Fedi.Core.OAuth;

/// <summary>
/// The token endpoint (Doorkeeper's TokensController#create): authorization_code (with PKCE), client_credentials
/// and, when enabled, password. Checks run in Doorkeeper's order so clients see the same error for the same mistake.
/// Tokens never expire and are not reused: only digests are stored, so an old secret cannot be handed out again.
/// </summary>
public sealed class IssueTokenService(
    NpgsqlDataSource db, ApplicationStore applications, AccessTokenStore tokens, AccessGrantStore grants, UserStore users,
    InstanceOptions instance, TimeProvider clock)
{
    public const string AuthorizationCode = "authorization_code";
    public const string ClientCredentials = "client_credentials";
    public const string Password = "password";

    public Task<IssuedToken> IssueAsync(TokenRequest request, CancellationToken ct = default) => request.GrantType switch
    {
        null or "" => throw OAuthErrors.InvalidRequest("grant_type"),
        AuthorizationCode => ExchangeCodeAsync(request, ct),
        ClientCredentials => ForClientAsync(request, ct),
        Password when instance.PasswordGrantEnabled => ForPasswordAsync(request, ct),
        _ => throw OAuthErrors.UnsupportedGrantType(),
    };

    private async Task<IssuedToken> ExchangeCodeAsync(TokenRequest request, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var grant = string.IsNullOrEmpty(request.Code) ? null : await grants.FindForUpdateAsync(conn, tx, request.Code, ct);
        if (grant is not null && grant.UsesPkce && string.IsNullOrEmpty(request.CodeVerifier)) throw OAuthErrors.InvalidRequest("code_verifier");
        if (string.IsNullOrEmpty(request.RedirectUri)) throw OAuthErrors.InvalidRequest("redirect_uri");
        var client = await AuthenticateAsync(request, ct);
        if (grant is null || grant.ApplicationId != client.Id || !grant.IsAccessible(clock.GetUtcNow().UtcDateTime))
            throw OAuthErrors.InvalidGrant();
        if (!RedirectUris.IsValidForAuthorization(request.RedirectUri, [grant.RedirectUri])) throw OAuthErrors.InvalidGrant();
        if (!VerifierMatches(grant, request.CodeVerifier)) throw OAuthErrors.InvalidGrant();

        await grants.RevokeAsync(conn, tx, grant.Id, ct);
        var token = await tokens.InsertAsync(conn, tx, client.Id, grant.ResourceOwnerId, grant.Scopes, ct);
        await tx.CommitAsync(ct);
        return token;
    }

    private async Task<IssuedToken> ForClientAsync(TokenRequest request, CancellationToken ct)
    {
        var client = await AuthenticateAsync(request, ct);
        var scopes = GrantableScopes(request.Scope, client);
        return await tokens.CreateAsync(client.Id, userId: null, scopes, ct);
    }

    private async Task<IssuedToken> ForPasswordAsync(TokenRequest request, CancellationToken ct)
    {
        var client = await AuthenticateAsync(request, ct);
        if (string.IsNullOrEmpty(request.Username) || string.IsNullOrEmpty(request.Password)) throw OAuthErrors.InvalidGrant();
        var user = await users.FindByCredentialsAsync(request.Username, request.Password, ct) ?? throw OAuthErrors.InvalidGrant();
        var scopes = GrantableScopes(request.Scope, client);
        return await tokens.CreateAsync(client.Id, user.Id, scopes, ct);
    }

    private async Task<OAuthApplication> AuthenticateAsync(TokenRequest request, CancellationToken ct) =>
        await applications.FindByCredentialsAsync(request.ClientId, request.ClientSecret, ct) ?? throw OAuthErrors.InvalidClient();

    /// <summary>The scope parameter, read when absent, within the application's scopes.</summary>
    private static string GrantableScopes(string? requested, OAuthApplication client)
    {
        var scopes = Scopes.ParseRequest(requested ?? Scopes.Read, client.ScopeList) ?? throw OAuthErrors.InvalidScope();
        return string.Join(' ', scopes);
    }

    // A verifier without a challenge is as wrong as a challenge without a verifier (Doorkeeper's rule).
    private static bool VerifierMatches(AccessGrant grant, string? verifier) =>
        string.IsNullOrEmpty(verifier)
            ? !grant.UsesPkce
            : grant.UsesPkce && Pkce.Verify(grant.CodeChallenge!, grant.CodeChallengeMethod ?? Pkce.Plain, verifier);
}
