using Fedi.Core.Errors;
using Fedi.Core.OAuth;

namespace Fedi.Web.Infrastructure;

/// <summary>
/// Resolves the bearer token (Authorization header, or access_token parameter as Doorkeeper allows)
/// once per request, and enforces Mastodon's rules for it: invalid and revoked tokens are 401 even
/// on endpoints that do not need one, missing scopes 403, app tokens on user endpoints 422.
/// </summary>
public static class TokenAuthentication
{
    public const string InvalidToken = "The access token is invalid";
    public const string RevokedToken = "The access token was revoked";
    public const string OutsideScopes = "This action is outside the authorized scopes";
    public const string UserRequired = "This method requires an authenticated user";

    public static async Task<RequestAuth> AuthenticateAsync(HttpContext http)
    {
        if (http.Items.TryGetValue(typeof(RequestAuth), out var cached) && cached is RequestAuth known) return known;

        var secret = BearerSecret(http);
        var auth = RequestAuth.Anonymous;
        if (secret is not null)
        {
            var store = http.RequestServices.GetRequiredService<AccessTokenStore>();
            var token = await store.FindBySecretAsync(secret, http.RequestAborted) ?? throw new ApiException(401, InvalidToken);
            if (token.RevokedAt is not null) throw new ApiException(401, RevokedToken);
            auth = new RequestAuth(token);
            if (token.UserId is not null) await RequireUsableLogin(http, token);
        }
        http.Items[typeof(RequestAuth)] = auth;
        return auth;
    }

    /// <summary>The endpoint needs a token with <paramref name="scope"/>; a user token when <paramref name="user"/>.</summary>
    public static Task<RequestAuth> RequireAsync(HttpContext http, string? scope, bool user) =>
        RequireAnyAsync(http, scope is null ? [] : [scope], user);

    /// <summary>As <see cref="RequireAsync"/>, with a token granting any one of <paramref name="scopes"/> (none: any token).</summary>
    public static async Task<RequestAuth> RequireAnyAsync(HttpContext http, IReadOnlyCollection<string> scopes, bool user)
    {
        var auth = await AuthenticateAsync(http);
        var token = auth.Token ?? throw new ApiException(401, InvalidToken);
        if (scopes.Count > 0 && !scopes.Any(token.Allows)) throw new ApiException(403, OutsideScopes);
        if (user && token.UserId is null) throw new ApiException(422, UserRequired);
        return auth;
    }

    private static string? BearerSecret(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var value = header["Bearer ".Length..].Trim();
            return value.Length > 0 ? value : null;
        }
        var query = http.Request.Query["access_token"].ToString();
        return query.Length > 0 ? query : null;
    }

    private static async Task RequireUsableLogin(HttpContext http, AccessToken token)
    {
        if (token.UserDisabled || token.AccountSuspendedAt is not null) throw new ApiException(403, "Your login is currently disabled");
        if (!token.UserConfirmed) throw new ApiException(403, "Your login is missing a confirmed e-mail address");
        if (!token.UserApproved) throw new ApiException(403, "Your login is currently pending approval");
        await http.RequestServices.GetRequiredService<Core.Accounts.UserActivityService>()
            .TrackAsync(token.UserId!.Value, token.AccountId!.Value, token.CurrentSignInAt, http.RequestAborted);
    }
}
