namespace Fedi.Core.OAuth;

/// <summary>The query of GET /oauth/authorize (and the hidden fields of the form that POSTs it back).</summary>
public sealed record AuthorizationRequest
{
    public string? ClientId { get; init; }
    public string? RedirectUri { get; init; }
    public string? ResponseType { get; init; }
    public string? ResponseMode { get; init; }
    public string? Scope { get; init; }
    public string? State { get; init; }
    public string? CodeChallenge { get; init; }
    public string? CodeChallengeMethod { get; init; }
}

/// <summary>A request that passed every check: what the consent page shows and the grant records.</summary>
public sealed record PreAuthorization(
    OAuthApplication Client, string RedirectUri, IReadOnlyList<string> Scopes, string? State, string ResponseMode,
    string? CodeChallenge, string? CodeChallengeMethod)
{
    public bool IsOutOfBand => RedirectUri == RedirectUris.OutOfBand;
}

/// <summary>
/// A refused authorization request. With <see cref="RedirectUri"/> set the client is trusted enough to be told
/// by redirect (RFC 6749 §4.1.2.1); without it (unknown client, unregistered URI) the user sees an error page.
/// </summary>
public sealed class AuthorizationException(string error, string description, string? redirectUri = null, string? state = null, string responseMode = "query")
    : Exception(description)
{
    public string Error { get; } = error;
    public string Description { get; } = description;
    public string? RedirectUri { get; } = redirectUri;
    public string? State { get; } = state;
    public string ResponseMode { get; } = responseMode;
}
