namespace Fedi.Streaming.Endpoints;

/// <summary>
/// Routes of the streaming API. As in Mastodon, a WebSocket upgrade is accepted on any streaming path
/// (clients use both <c>/api/v1/streaming</c> and <c>/api/v1/streaming/</c>); other GETs are SSE.
/// </summary>
public static class StreamingEndpoints
{
    public static void MapStreamingEndpoints(this WebApplication app)
    {
        app.MapGet("/api/v1/streaming/health", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.Text("OK");
        });
        app.MapGet(EventSourcePaths.Prefix, HandleAsync);
        app.MapGet(EventSourcePaths.Prefix + "/{**path}", HandleAsync);
    }

    private static Task HandleAsync(HttpContext http) =>
        http.WebSockets.IsWebSocketRequest
            ? http.RequestServices.GetRequiredService<WebSocketEndpoint>().HandleAsync(http)
            : http.RequestServices.GetRequiredService<EventSourceEndpoint>().HandleAsync(http);
}
