using Fedi.Testing;

namespace Fedi.Web.Tests.RateLimits;

/// <summary>Requests as nginx forwards them for one client: from loopback (a trusted proxy) with an X-Forwarded-For naming the client.</summary>
public sealed class ForwardedClient(ApiClient api, string forwardedFor)
{
    private static int _last;

    /// <summary>An address no other test of the run uses, in 198.18.0.0/15 (set aside for testing).</summary>
    public static string NewAddress()
    {
        var n = Interlocked.Increment(ref _last);
        return $"198.18.{n / 250}.{n % 250 + 1}";
    }

    /// <summary>A client with an address of its own.</summary>
    public static ForwardedClient New(ApiClient api) => new(api, NewAddress());

    public ForwardedClient WithToken(string? token) => new(api.WithToken(token), forwardedFor);

    public Task<ApiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<ApiResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    public Task<ApiResponse> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> form) =>
        SendAsync(HttpMethod.Post, path, new FormUrlEncodedContent(form));

    private Task<ApiResponse> SendAsync(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, api.Absolute(path)) { Content = content };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return api.SendAsync(request);
    }
}
