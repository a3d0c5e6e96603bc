using System.Text.Json.Serialization;

namespace Fedi.Core.ClientApi.Entities;

/// <summary>Mastodon's Application entity (REST::ApplicationSerializer), shown to anyone holding a token of it.</summary>
public record ApiApplication
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Website { get; init; }
    public required IReadOnlyList<string> Scopes { get; init; }
    public required IReadOnlyList<string> RedirectUris { get; init; }
    /// <summary>Deprecated by Mastodon in 4.3; empty until Web Push exists.</summary>
    public string VapidKey { get; init; } = "";
    /// <summary>Deprecated by Mastodon in 4.3: the registered URIs joined with newlines.</summary>
    public required string RedirectUri { get; init; }
}

/// <summary>The entity POST /api/v1/apps returns once: with the client credentials.</summary>
public sealed record ApiCredentialApplication : ApiApplication
{
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public ApiCredentialApplication(ApiApplication application, string clientId, string clientSecret) : base(application)
    {
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    // After the Application fields, as Mastodon's CredentialApplicationSerializer writes them.
    [JsonPropertyOrder(1)] public string ClientId { get; init; }
    [JsonPropertyOrder(2)] public string ClientSecret { get; init; }
    /// <summary>0: client secrets never expire.</summary>
    [JsonPropertyOrder(3)] public long ClientSecretExpiresAt { get; init; }
}
