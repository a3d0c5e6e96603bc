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

    /// <summary>
    /// WebSocket upgrades on the streaming paths, answered ahead of routing, authorization and request logging:
    /// each of those keeps per-request state (an async frame, route values, a request services scope, log
    /// scopes) alive for as long as the request runs, which for a socket is hours, times every idle client.
    /// <see cref="WebSocketEndpoint"/> logs the end of each socket itself.
    /// </summary>
    public static void UseStreamingWebSockets(this WebApplication app)
    {
        var endpoint = app.Services.GetRequiredService<WebSocketEndpoint>();
        app.MapWhen(IsStreamingWebSocket, branch => branch.Run(endpoint.HandleAsync));
    }

    private static bool IsStreamingWebSocket(HttpContext http) =>
        http.WebSockets.IsWebSocketRequest
        && http.Request.Path.StartsWithSegments(EventSourcePaths.Prefix, StringComparison.Ordinal)
        && !http.Request.Path.Equals(EventSourcePaths.Prefix + "/health", StringComparison.Ordinal);

    private static Task HandleAsync(HttpContext http) =>
        http.WebSockets.IsWebSocketRequest
            ? http.RequestServices.GetRequiredService<WebSocketEndpoint>().HandleAsync(http)
            : http.RequestServices.GetRequiredService<EventSourceEndpoint>().HandleAsync(http);
}
