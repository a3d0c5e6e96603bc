using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Hosting;
using Fedi.Core.Search;
using Fedi.Core.Statuses;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Trends;

/// <summary>/api/v1/trends/…: tags and statuses from the last days' public posts; links are an empty list.</summary>
public static class TrendsEndpoints
{
    public static void MapTrendsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/trends", TagsAsync).PublicRoute(); // the older path, tags only
        app.MapGet("/api/v1/trends/tags", TagsAsync).PublicRoute();
        app.MapGet("/api/v1/trends/statuses", StatusesAsync).PublicRoute();
        // Trending links need preview cards, which do not exist yet.
        app.MapGet("/api/v1/trends/links", () => Results.Ok(Array.Empty<object>())).PublicRoute();
    }

    private static async Task<IResult> TagsAsync(RequestParameters p, RequestAuth auth, TrendingTagsStore trends, TagRenderer renderer, CancellationToken ct)
    {
        var limit = p.Int("limit") is { } requested ? Math.Clamp(requested, 1, 20) : 10;
        var offset = Math.Clamp(p.Int("offset") ?? 0, 0, 1000);
        return Results.Ok(await renderer.RenderManyAsync(await trends.ListAsync(limit, offset, ct), auth.AccountId, ct));
    }

    /// <summary>In trend order; a signed-in reader's blocks and mutes take theirs out.</summary>
    private static async Task<IResult> StatusesAsync(RequestParameters p, RequestAuth auth, TrendingStatusesStore trends, StatusStore statuses,
        StatusFilterStore visible, StatusRenderer renderer, CancellationToken ct)
    {
        var limit = p.Int("limit") is { } requested ? Math.Clamp(requested, 1, 40) : 20;
        var offset = Math.Clamp(p.Int("offset") ?? 0, 0, 1000);
        var ids = await trends.ListIdsAsync(limit, offset, ct);
        var rows = auth.AccountId is { } viewer ? await visible.ListVisibleAsync(ids, viewer, ct) : await statuses.ListAsync(ids, ct);
        var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return Results.Ok(await renderer.RenderManyAsync(rows.OrderBy(s => order[s.Id]).ToList(), auth.AccountId, ct));
    }
}
