using Fedi.Core.Configuration;
using Fedi.Core.Hosting;
using Fedi.Core.OAuth;

namespace Fedi.Web.OAuth;

/// <summary>RFC 8414 authorization server metadata, with Mastodon's fields (OAuthMetadataSerializer).</summary>
public sealed record OAuthMetadata(
    string Issuer, string AuthorizationEndpoint, string TokenEndpoint, string RevocationEndpoint,
    IReadOnlyList<string> ScopesSupported, IReadOnlyList<string> ResponseTypesSupported, IReadOnlyList<string> ResponseModesSupported,
    IReadOnlyList<string> GrantTypesSupported, IReadOnlyList<string> TokenEndpointAuthMethodsSupported,
    IReadOnlyList<string> CodeChallengeMethodsSupported, string ServiceDocumentation, string AppRegistrationEndpoint);

public static class OAuthMetadataEndpoints
{
    public static void MapOAuthMetadataEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/.well-known/oauth-authorization-server", (InstanceOptions instance) =>
        {
            var root = instance.WebBaseUrl;
            List<string> grants = [IssueTokenService.AuthorizationCode, IssueTokenService.ClientCredentials];
            if (instance.PasswordGrantEnabled) grants.Add(IssueTokenService.Password);
            return Results.Ok(new OAuthMetadata(
                Issuer: $"{root}/",
                AuthorizationEndpoint: $"{root}/oauth/authorize",
                TokenEndpoint: $"{root}/oauth/token",
                RevocationEndpoint: $"{root}/oauth/revoke",
                ScopesSupported: Scopes.Supported,
                ResponseTypesSupported: ["code"],
                ResponseModesSupported: PreAuthorizeService.ResponseModes,
                GrantTypesSupported: grants,
                TokenEndpointAuthMethodsSupported: ["client_secret_basic", "client_secret_post"],
                CodeChallengeMethodsSupported: Pkce.Methods,
                ServiceDocumentation: "https://docs.joinmastodon.org/",
                AppRegistrationEndpoint: $"{root}/api/v1/apps"));
        }).PublicRoute();
}
