using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Fedi.Testing;

/// <summary>
/// A thin HTTP client for the Mastodon client API of one instance: paths relative to <see cref="BaseUrl"/>,
/// an optional bearer token, and an <see cref="ApiResponse"/> for every answer. Never throws on 4xx/5xx,
/// so tests assert on status codes and error bodies themselves.
/// </summary>
/// <param name="baseUrl">The web tier, e.g. <c>http://127.0.0.1:3000</c>.</param>
/// <param name="accessToken">Sent as <c>Authorization: Bearer</c> when not null.</param>
public sealed class ApiClient(string baseUrl, string? accessToken = null)
{
    // One connection pool for all clients of the test run.
    private static readonly HttpClient Http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
    })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>The instance's base URL, without a trailing slash.</summary>
    public string BaseUrl { get; } = baseUrl.TrimEnd('/');

    /// <summary>The bearer token, or null for anonymous requests.</summary>
    public string? AccessToken { get; } = accessToken;

    /// <summary>The same instance with another token (or none).</summary>
    public ApiClient WithToken(string? token) => new(BaseUrl, token);

    /// <summary>GET <paramref name="path"/> (with its query string).</summary>
    public Task<ApiResponse> GetAsync(string path, CancellationToken ct = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, Absolute(path)), ct);

    /// <summary>POST a form-urlencoded body; repeat a key for arrays (<c>scopes[]</c>).</summary>
    public Task<ApiResponse> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> form, CancellationToken ct = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, Absolute(path)) { Content = new FormUrlEncodedContent(form) }, ct);

    /// <summary>POST a JSON body (any serializable object, anonymous objects included, or a <see cref="JsonNode"/>); null sends no body.</summary>
    public Task<ApiResponse> PostJsonAsync(string path, object? body = null, CancellationToken ct = default) =>
        SendAsync(WithJson(HttpMethod.Post, path, body), ct);

    /// <summary>PATCH a JSON body (e.g. <c>/api/v1/accounts/update_credentials</c>).</summary>
    public Task<ApiResponse> PatchAsync(string path, object? body = null, CancellationToken ct = default) =>
        SendAsync(WithJson(HttpMethod.Patch, path, body), ct);

    /// <summary>PUT a JSON body.</summary>
    public Task<ApiResponse> PutAsync(string path, object? body = null, CancellationToken ct = default) =>
        SendAsync(WithJson(HttpMethod.Put, path, body), ct);

    /// <summary>DELETE <paramref name="path"/>.</summary>
    public Task<ApiResponse> DeleteAsync(string path, CancellationToken ct = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Delete, Absolute(path)), ct);

    /// <summary>Sends any request (multipart uploads, odd headers); the token is added when set and the request has none.</summary>
    public async Task<ApiResponse> SendAsync(HttpRequestMessage request, CancellationToken ct = default)
    {
        using (request)
        {
            if (AccessToken is not null && request.Headers.Authorization is null)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
            using var response = await Http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            return new ApiResponse(request.Method, request.RequestUri!, response.StatusCode, response.Headers, response.Content.Headers, body);
        }
    }

    /// <summary>Resolves a path against <see cref="BaseUrl"/>; absolute URLs pass through.</summary>
    public Uri Absolute(string path) =>
        Uri.TryCreate(path, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)
            ? absolute
            : new Uri(BaseUrl + "/" + path.TrimStart('/'));

    private HttpRequestMessage WithJson(HttpMethod method, string path, object? body) =>
        new(method, Absolute(path))
        {
            Content = body switch
            {
                null => null,
                JsonNode node => new StringContent(node.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
                _ => JsonContent.Create(body, body.GetType()),
            },
        };
}
