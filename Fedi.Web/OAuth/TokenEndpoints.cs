using System.Text;
using Fedi.Core.ClientApi.Entities;
using Fedi.Core.Hosting;
using Fedi.Core.OAuth;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.OAuth;

/// <summary>POST /oauth/token and POST /oauth/revoke. Clients authenticate with HTTP Basic or body parameters.</summary>
public static class TokenEndpoints
{
    public static void MapTokenEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/oauth/token", IssueAsync).PublicRoute();
        routes.MapPost("/oauth/revoke", RevokeAsync).PublicRoute();
    }

    private static async Task<IResult> IssueAsync(HttpContext http, RequestParameters p, IssueTokenService service, CancellationToken ct)
    {
        NoStore(http);
        var (clientId, clientSecret) = ClientCredentials(http, p);
        var token = await service.IssueAsync(new TokenRequest
        {
            GrantType = p.String("grant_type"),
            ClientId = clientId,
            ClientSecret = clientSecret,
            Code = p.String("code"),
            RedirectUri = p.String("redirect_uri"),
            CodeVerifier = p.String("code_verifier"),
            Scope = p.String("scope"),
            Username = p.String("username"),
            Password = p.String("password"),
        }, ct);
        return Results.Ok(ApiToken.From(token));
    }

    /// <summary>200 with an empty object for revoked and unknown tokens alike (RFC 7009 §2.2).</summary>
    private static async Task<IResult> RevokeAsync(HttpContext http, RequestParameters p, RevokeTokenService service, CancellationToken ct)
    {
        NoStore(http);
        var (clientId, clientSecret) = ClientCredentials(http, p);
        await service.RevokeAsync(clientId, clientSecret, p.String("token"), ct);
        return Results.Ok(new Dictionary<string, object>());
    }

    /// <summary>HTTP Basic (form-encoded id and secret, RFC 6749 §2.3.1) when present, else client_id / client_secret.</summary>
    private static (string? Id, string? Secret) ClientCredentials(HttpContext http, RequestParameters p)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim())).Split(':', 2);
                if (decoded.Length == 2) return (Uri.UnescapeDataString(decoded[0].Replace('+', ' ')), Uri.UnescapeDataString(decoded[1].Replace('+', ' ')));
            }
            catch (FormatException)
            {
                // Not Base64: no client authentication, which the grant then refuses as invalid_client.
            }
            return (null, null);
        }
        return (p.String("client_id"), p.String("client_secret"));
    }

    private static void NoStore(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
    }
}
