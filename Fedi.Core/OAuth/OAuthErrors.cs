using Fedi.Core.Errors;

namespace Fedi.Core.OAuth;

/// <summary>RFC 6749 errors with Doorkeeper's descriptions, so OAuth libraries see what Mastodon sends.</summary>
public static class OAuthErrors
{
    public static ApiException InvalidRequest(string? missingParameter = null) => new(400, "invalid_request", missingParameter is null
        ? "The request is missing a required parameter, includes an unsupported parameter value, or is otherwise malformed."
        : $"Missing required parameter: {missingParameter}.");

    public static ApiException InvalidClient() => new(401, "invalid_client",
        "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.");

    public static ApiException InvalidGrant() => new(400, "invalid_grant",
        "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.");

    public static ApiException UnsupportedGrantType() => new(400, "unsupported_grant_type",
        "The authorization grant type is not supported by the authorization server.");

    public static ApiException InvalidScope() => new(400, "invalid_scope", "The requested scope is invalid, unknown, or malformed.");

    public static ApiException InvalidRedirectUri() => new(400, "invalid_redirect_uri",
        "The requested redirect uri is malformed or doesn't match client redirect URI.");

    public static ApiException UnsupportedResponseType() => new(400, "unsupported_response_type",
        "The authorization server does not support this response type.");

    public static ApiException UnsupportedResponseMode() => new(400, "unsupported_response_mode",
        "The authorization server does not support this response mode.");

    public static ApiException InvalidCodeChallengeMethod() => new(400, "invalid_code_challenge_method",
        $"The code_challenge_method must be one of {string.Join(", ", Pkce.Methods)}.");

    public static ApiException AccessDenied() => new(400, "access_denied", "The resource owner or authorization server denied the request.");

    /// <summary>RFC 7009: a client may only revoke its own tokens.</summary>
    public static ApiException RevokeUnauthorized() => new(403, "unauthorized_client", "You are not authorized to revoke this token");
}
