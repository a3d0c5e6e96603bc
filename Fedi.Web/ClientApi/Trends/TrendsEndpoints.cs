using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Hosting;
using Fedi.Core.Search;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Trends;

/// <summary>/api/v1/trends/…: tags from the last days' public posts; statuses and links are empty lists.</summary>
public static class TrendsEndpoints
{
    public static void MapTrendsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/trends", TagsAsync).PublicRoute(); // the older path, tags only
        app.MapGet("/api/v1/trends/tags", TagsAsync).PublicRoute();
        // Trending statuses need boosts and favourites, trending links need preview cards; neither exists yet.
        app.MapGet("/api/v1/trends/statuses", () => Results.Ok(Array.Empty<object>())).PublicRoute();
        app.MapGet("/api/v1/trends/links", () => Results.Ok(Array.Empty<object>())).PublicRoute();
    }

    private static async Task<IResult> TagsAsync(RequestParameters p, RequestAuth auth, TrendingTagsStore trends, TagRenderer renderer, CancellationToken ct)
    {
        var limit = p.Int("limit") is { } requested ? Math.Clamp(requested, 1, 20) : 10;
        var offset = Math.Clamp(p.Int("offset") ?? 0, 0, 1000);
        return Results.Ok(await renderer.RenderManyAsync(await trends.ListAsync(limit, offset, ct), auth.AccountId, ct));
    }
}
