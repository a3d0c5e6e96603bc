namespace Fedi.Core.OAuth;

/// <summary>A row of <c>oauth_access_grants</c>: an authorization code waiting to be exchanged for a token.</summary>
public sealed record AccessGrant
{
    /// <summary>Doorkeeper's default lifetime of an authorization code.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public long Id { get; init; }
    public long ResourceOwnerId { get; init; }
    public long ApplicationId { get; init; }
    public int ExpiresIn { get; init; }
    public required string RedirectUri { get; init; }
    public required string Scopes { get; init; }
    public string? CodeChallenge { get; init; }
    public string? CodeChallengeMethod { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? RevokedAt { get; init; }

    public bool UsesPkce => !string.IsNullOrEmpty(CodeChallenge);

    public bool IsAccessible(DateTime now) => RevokedAt is null && now < CreatedAt.AddSeconds(ExpiresIn);
}
