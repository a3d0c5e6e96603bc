using Fedi.Core.Hosting;

namespace Fedi.Web.ClientApi.CustomEmojis;

/// <summary>GET /api/v1/custom_emojis: no custom emojis exist on this server yet, so the list is empty.</summary>
public static class CustomEmojisEndpoints
{
    public static void MapCustomEmojisEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/custom_emojis", () => Results.Ok(Array.Empty<object>())).PublicRoute();
}
