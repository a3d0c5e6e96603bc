using System.Net;
using System.Text.RegularExpressions;
using Fedi.Core.Errors;
using Fedi.Core.OAuth;

namespace Fedi.Web.Infrastructure.RateLimiting;

/// <summary>What the throttles look at, resolved once per request: method, path, the caller's token, the client's
/// address bucket and, for OAuth's sign-in requests only, the form (which names the account tried).</summary>
public sealed record ThrottleRequest(string Method, string Path, IQueryCollection Query, string? Address, AccessToken? Token, RequestParameters? Form)
{
    private static readonly string[] PagingKeys = ["max_id", "min_id", "since_id"];

    public bool Authenticated => Token is not null;
    public bool IsApi => Path.StartsWith("/api", StringComparison.OrdinalIgnoreCase);
    public bool IsPaging => PagingKeys.Any(key => !string.IsNullOrEmpty(Query[key]));

    public bool Is(string method, string path) => HttpMethods.Equals(Method, method) && Path.Equals(path, StringComparison.OrdinalIgnoreCase);
    public bool Is(string method, Regex path) => HttpMethods.Equals(Method, method) && path.IsMatch(Path);
    public string? Parameter(string key) => Form?.String(key);

    public static async Task<ThrottleRequest> ReadAsync(HttpContext http, IPAddress? address)
    {
        // Routing ignores case and a trailing slash; so must the throttles, or /API/v1/apps/ would slip past.
        var path = http.Request.Path.Value is { Length: > 1 } value ? value.TrimEnd('/') : "/";
        RequestAuth auth;
        try
        {
            auth = await TokenAuthentication.AuthenticateAsync(http);
        }
        catch (ApiException)
        {
            auth = RequestAuth.Anonymous; // an unusable token is no one's: counted by address, refused by the endpoint
        }
        var form = HttpMethods.IsPost(http.Request.Method) && path.StartsWith("/oauth/", StringComparison.OrdinalIgnoreCase)
            ? await RequestParameters.ReadAsync(http) : null;
        return new ThrottleRequest(http.Request.Method, path, http.Request.Query, address is null ? null : ClientAddress.Bucket(address), auth.Token, form);
    }
}
