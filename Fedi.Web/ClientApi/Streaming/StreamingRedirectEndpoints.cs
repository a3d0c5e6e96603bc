using Fedi.Core.Configuration;
using Fedi.Core.Hosting;

namespace Fedi.Web.ClientApi.Streaming;

/// <summary>
/// Clients that open the streaming API on the web host are sent to the streaming tier (301), as
/// Mastodon does; when both share a host, nginx routes /api/v1/streaming before it reaches us (404).
/// </summary>
public static class StreamingRedirectEndpoints
{
    public static void MapStreamingRedirectEndpoints(this IEndpointRouteBuilder app) =>
        app.Map("/api/v1/streaming/{**rest}", (HttpContext http, InstanceOptions instance) =>
        {
            var target = new Uri(instance.StreamingApiBaseUrl);
            if (string.Equals(target.Authority, http.Request.Host.Value, StringComparison.OrdinalIgnoreCase))
                return Results.Json(new { error = "Record not found" }, statusCode: 404);
            var scheme = target.Scheme switch { "ws" => "http", "wss" => "https", var s => s };
            var location = $"{scheme}://{target.Authority}{target.AbsolutePath.TrimEnd('/')}{http.Request.Path}{http.Request.QueryString}";
            return Results.Redirect(location, permanent: true);
        }).PublicRoute();
}
