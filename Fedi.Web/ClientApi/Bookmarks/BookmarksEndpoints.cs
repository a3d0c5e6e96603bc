using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Interactions;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Bookmarks;

/// <summary>GET /api/v1/bookmarks: the user's bookmarked statuses, newest bookmark first, paged by the bookmark (Link header).</summary>
public static class BookmarksEndpoints
{
    public static void MapBookmarksEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/bookmarks", ListAsync).RequireUser("read:bookmarks");

    private static async Task<IResult> ListAsync(HttpContext http, RequestAuth auth, RequestParameters p,
        ListInteractionsService service, StatusRenderer renderer, CancellationToken ct)
    {
        var page = await service.ListBookmarksAsync(auth.RequiredAccountId, p.Page(Paging.Statuses), ct);
        return http.Paged(page.RowIds, await renderer.RenderManyAsync(page.Items, auth.AccountId, ct));
    }
}
