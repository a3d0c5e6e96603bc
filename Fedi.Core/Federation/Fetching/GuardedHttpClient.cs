using System.Net;
using System.Net.Sockets;
using Fedi.Core.Configuration;
using Fedi.Core.Instance;

namespace Fedi.Core.Federation.Fetching;

/// <summary>
/// The one HTTP client for every request to another server. The address is checked after DNS resolution, at
/// connect time (so a name that resolves differently later, or a redirect, cannot reach a forbidden address);
/// https only unless FEDERATION_ALLOW_HTTP; 5 s to connect, 30 s in all; answers over 1 MiB refused; at most
/// 3 redirects, each hop checked and signed again.
/// </summary>
public sealed class GuardedHttpClient : IDisposable
{
    public const int MaxBodyBytes = 1024 * 1024;
    public const int MaxRedirects = 3;
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly FederationOptions _options;
    private readonly RemoteAddressPolicy _addresses;

    public GuardedHttpClient(FederationOptions options, RemoteAddressPolicy addresses, InstanceOptions instance)
    {
        _options = options;
        _addresses = addresses;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectTimeout = ConnectTimeout,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseProxy = false,
            ConnectCallback = ConnectAsync,
        };
        _http = new HttpClient(handler) { Timeout = TotalTimeout };
        UserAgent = $"Fedi/{ServerVersion.Fedi} (Mastodon/{ServerVersion.MastodonCompatible}; +{instance.WebBaseUrl}/)";
    }

    /// <summary>The User-Agent of every request: the software and this server.</summary>
    public string UserAgent { get; }

    /// <summary>
    /// Sends a request built by <paramref name="build"/> for each hop (so a signature covers the hop's URL), following
    /// up to <see cref="MaxRedirects"/> redirects of a GET. Throws <see cref="RemoteRequestException"/> when refused.
    /// </summary>
    public async Task<RemoteResponse> SendAsync(Uri url, Func<Uri, HttpRequestMessage> build, CancellationToken ct = default)
    {
        for (var hop = 0; ; hop++)
        {
            CheckScheme(url);
            using var request = build(url);
            request.Headers.UserAgent.Clear();
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
            using var response = await SendOnceAsync(request, ct);
            var status = (int)response.StatusCode;
            if (status is 301 or 302 or 303 or 307 or 308 && request.Method == HttpMethod.Get && response.Headers.Location is { } location)
            {
                if (hop >= MaxRedirects) throw new RemoteRequestException($"more than {MaxRedirects} redirects from {url}", permanent: true);
                url = location.IsAbsoluteUri ? location : new Uri(url, location);
                continue;
            }
            var body = await ReadBoundedAsync(response, ct);
            return new RemoteResponse(status, url, body, response.Content.Headers.ContentType?.MediaType);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken ct)
    {
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException e) when (e.InnerException is RemoteRequestException refused)
        {
            throw refused;
        }
    }

    private void CheckScheme(Uri url)
    {
        if (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && _options.AllowHttp)) return;
        throw new RemoteRequestException($"{url.Scheme} is not allowed for remote requests ({url})", permanent: true);
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var resolved = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = resolved.Where(_addresses.IsAllowed).ToArray();
        if (allowed.Length == 0)
            throw new RemoteRequestException($"{host} resolves only to addresses remote requests may not reach", permanent: true);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Content.Headers.ContentLength > MaxBodyBytes)
            throw new RemoteRequestException($"answer of {response.Content.Headers.ContentLength} bytes is over {MaxBodyBytes}", permanent: false);
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var copy = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            if (copy.Length + read > MaxBodyBytes) throw new RemoteRequestException($"answer is over {MaxBodyBytes} bytes", permanent: false);
            copy.Write(buffer, 0, read);
        }
        return copy.ToArray();
    }

    public void Dispose() => _http.Dispose();
}
