using System.Text.Json;
using Fedi.Core.Errors;

namespace Fedi.Streaming.Endpoints;

/// <summary>Plain HTTP errors before any streaming starts: Mastodon's <c>{"error":"…"}</c> body, plus its
/// <c>X-Error-Message</c> header (what Mastodon sends on a refused WebSocket upgrade).</summary>
public static class ErrorResponses
{
    public const string UnknownChannel = "Unknown channel requested";

    public static Task WriteAsync(HttpContext http, ApiException error) => WriteAsync(http, error.Status, error.Error);

    public static async Task WriteAsync(HttpContext http, int status, string error)
    {
        if (http.Response.HasStarted) return;
        http.Response.StatusCode = status;
        http.Response.Headers["X-Error-Message"] = error;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(JsonSerializer.Serialize(new { error }), http.RequestAborted);
    }
}
