namespace Fedi.Core.OAuth;

/// <summary>A row of <c>oauth_applications</c>: a registered client (Doorkeeper's Application).</summary>
public sealed record OAuthApplication
{
    public long Id { get; init; }
    public required string Name { get; init; }
    /// <summary>client_id.</summary>
    public required string Uid { get; init; }
    /// <summary>client_secret.</summary>
    public required string Secret { get; init; }
    /// <summary>Registered redirect URIs, newline-separated as Doorkeeper stores them.</summary>
    public required string RedirectUri { get; init; }
    public required string Scopes { get; init; }
    public string? Website { get; init; }
    public DateTime CreatedAt { get; init; }

    public IReadOnlyList<string> RedirectUris => RedirectUri.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<string> ScopeList => OAuth.Scopes.Parse(Scopes);
}
