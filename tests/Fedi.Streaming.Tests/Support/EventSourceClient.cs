using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Fedi.Streaming.Tests.Support;

/// <summary>An SSE client: reads the response line by line in the background; a test takes lines with a timeout.</summary>
public sealed class EventSourceClient : IAsyncDisposable
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler()) { Timeout = Timeout.InfiniteTimeSpan };

    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private EventSourceClient(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public HttpStatusCode Status => _response.StatusCode;
    public Version Version => _response.Version;
    public HttpResponseHeaders Headers => _response.Headers;
    public HttpContentHeaders ContentHeaders => _response.Content.Headers;

    /// <summary>Sends the GET with <paramref name="http"/> (its default HTTP version and policy too) or a plain HTTP/1.1 client.</summary>
    public static async Task<EventSourceClient> ConnectAsync(string streamingUrl, string pathAndQuery, string? token, HttpClient? http = null)
    {
        http ??= Http;
        var request = new HttpRequestMessage(HttpMethod.Get, streamingUrl.TrimEnd('/') + pathAndQuery)
        {
            Version = http.DefaultRequestVersion,
            VersionPolicy = http.DefaultVersionPolicy,
        };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // The client has no timeout (the body never ends); the headers must still come.
        using var headers = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, headers.Token);
        }
        catch (OperationCanceledException e) when (headers.IsCancellationRequested)
        {
            throw new TimeoutException($"No response headers for {pathAndQuery} within 10 s.", e);
        }
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);
        return new EventSourceClient(response, reader);
    }

    /// <summary>The next line (without its line break); null once the server ended the response.</summary>
    public async Task<string?> ReadLineAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await _reader.ReadLineAsync(cts.Token);
    }

    /// <summary>The next <c>event:</c>/<c>data:</c> block, skipping comments.</summary>
    public async Task<(string Event, string Data)> ReadEventAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        string? name = null;
        var data = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync(deadline - DateTime.UtcNow) ?? throw new EndOfStreamException("The event stream ended");
            if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line["event: ".Length..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) data.Add(line["data: ".Length..]);
            else if (line.Length == 0 && name is not null) return (name, string.Join('\n', data));
        }
    }

    public async Task<string> ReadBodyAsync() => await _reader.ReadToEndAsync();

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
