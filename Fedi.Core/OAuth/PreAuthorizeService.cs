using Fedi.Core.Errors;

namespace Fedi.Core.OAuth;

/// <summary>
/// Checks an authorization request before anyone signs in (Doorkeeper's PreAuthorization), in its order:
/// client, redirect URI (both shown as an error page), then response type, response mode, scopes and PKCE
/// method (sent back to the client's redirect URI).
/// </summary>
public sealed class PreAuthorizeService(ApplicationStore applications)
{
    public static readonly IReadOnlyList<string> ResponseModes = ["query", "fragment", "form_post"];

    public async Task<PreAuthorization> CheckAsync(AuthorizationRequest request, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(request.ClientId)) throw Fatal(OAuthErrors.InvalidRequest("client_id"));
        var client = await applications.FindByClientIdAsync(request.ClientId, ct) ?? throw Fatal(OAuthErrors.InvalidClient());
        if (!RedirectUris.IsValidForAuthorization(request.RedirectUri, client.RedirectUris)) throw Fatal(OAuthErrors.InvalidRedirectUri());
        var redirectUri = request.RedirectUri!;

        if (string.IsNullOrEmpty(request.ResponseType)) throw Redirect(OAuthErrors.InvalidRequest("response_type"), redirectUri, request.State);
        if (request.ResponseType != "code") throw Redirect(OAuthErrors.UnsupportedResponseType(), redirectUri, request.State);
        var responseMode = string.IsNullOrEmpty(request.ResponseMode) ? "query" : request.ResponseMode;
        if (!ResponseModes.Contains(responseMode)) throw Redirect(OAuthErrors.UnsupportedResponseMode(), redirectUri, request.State);

        var scopes = Scopes.ParseRequest(string.IsNullOrEmpty(request.Scope) ? Scopes.Read : request.Scope, client.ScopeList)
                     ?? throw Redirect(OAuthErrors.InvalidScope(), redirectUri, request.State, responseMode);
        string? method = null;
        if (!string.IsNullOrEmpty(request.CodeChallenge))
        {
            // RFC 7636 §4.3: plain when the client names no method.
            method = string.IsNullOrEmpty(request.CodeChallengeMethod) ? Pkce.Plain : request.CodeChallengeMethod;
            if (!Pkce.IsSupported(method)) throw Redirect(OAuthErrors.InvalidCodeChallengeMethod(), redirectUri, request.State, responseMode);
        }
        return new PreAuthorization(client, redirectUri, scopes, request.State, responseMode, NullIfEmpty(request.CodeChallenge), method);
    }

    private static AuthorizationException Fatal(ApiException e) => new(e.Error, e.Description ?? e.Error);

    private static AuthorizationException Redirect(ApiException e, string redirectUri, string? state, string responseMode = "query") =>
        new(e.Error, e.Description ?? e.Error, redirectUri, state, responseMode);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
