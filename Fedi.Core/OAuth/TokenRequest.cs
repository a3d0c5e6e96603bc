namespace Fedi.Core.OAuth;

/// <summary>The parameters of POST /oauth/token; client credentials come from HTTP Basic or the body.</summary>
public sealed record TokenRequest
{
    public string? GrantType { get; init; }
    public string? ClientId { get; init; }
    public string? ClientSecret { get; init; }
    public string? Code { get; init; }
    public string? RedirectUri { get; init; }
    public string? CodeVerifier { get; init; }
    public string? Scope { get; init; }
    public string? Username { get; init; }
    public string? Password { get; init; }
}
