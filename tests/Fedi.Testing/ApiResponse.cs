using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fedi.Testing;

/// <summary>One HTTP answer, read to the end: status, headers, raw body and the body as JSON.</summary>
public sealed class ApiResponse
{
    private readonly Lazy<JsonNode?> _json;

    internal ApiResponse(HttpMethod method, Uri uri, HttpStatusCode statusCode, HttpResponseHeaders headers, HttpContentHeaders contentHeaders, string body)
    {
        Method = method;
        Uri = uri;
        StatusCode = statusCode;
        Headers = headers;
        ContentHeaders = contentHeaders;
        Body = body;
        _json = new(() => ParseJson(body));
    }

    /// <summary>The request's method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The request's URL.</summary>
    public Uri Uri { get; }

    /// <summary>The status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The status code as a number.</summary>
    public int Status => (int)StatusCode;

    /// <summary>True for 2xx.</summary>
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>Response headers (Link, X-RateLimit-…).</summary>
    public HttpResponseHeaders Headers { get; }

    /// <summary>Content headers (Content-Type…).</summary>
    public HttpContentHeaders ContentHeaders { get; }

    /// <summary>The body as text.</summary>
    public string Body { get; }

    /// <summary>The body parsed as JSON; null when empty or not JSON.</summary>
    public JsonNode? Json => _json.Value;

    /// <summary>The value of a response or content header (joined with ", " when repeated), or null.</summary>
    public string? Header(string name) =>
        Headers.TryGetValues(name, out var values) || ContentHeaders.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    /// <summary>Throws, with method, URL, status and body, unless the status is <paramref name="expected"/>; returns this for chaining.</summary>
    public ApiResponse EnsureStatus(HttpStatusCode expected = HttpStatusCode.OK) =>
        StatusCode == expected ? this : throw new HttpRequestException(Describe($"expected {(int)expected}"), null, StatusCode);

    /// <summary>Throws, with method, URL, status and body, unless the status is 2xx; returns this for chaining.</summary>
    public ApiResponse EnsureSuccess() =>
        IsSuccess ? this : throw new HttpRequestException(Describe("expected 2xx"), null, StatusCode);

    /// <summary>The JSON body, which must be there; throws with the raw body otherwise.</summary>
    public JsonNode RequireJson() => Json ?? throw new FormatException(Describe("expected a JSON body"));

    /// <inheritdoc/>
    public override string ToString() => Describe(null);

    private string Describe(string? expectation)
    {
        var body = Body.Length > 2000 ? Body[..2000] + "…" : Body;
        return $"{Method} {Uri} → {Status}{(expectation is null ? "" : $" ({expectation})")}: {body}";
    }

    private static JsonNode? ParseJson(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return null;
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
