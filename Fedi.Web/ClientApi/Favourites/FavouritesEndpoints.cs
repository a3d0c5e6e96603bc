using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Interactions;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Favourites;

/// <summary>GET /api/v1/favourites: the user's favourited statuses, newest favourite first, paged by the favourite (Link header).</summary>
public static class FavouritesEndpoints
{
    public static void MapFavouritesEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/favourites", ListAsync).RequireUser("read:favourites");

    private static async Task<IResult> ListAsync(HttpContext http, RequestAuth auth, RequestParameters p,
        ListInteractionsService service, StatusRenderer renderer, CancellationToken ct)
    {
        var page = await service.ListFavouritesAsync(auth.RequiredAccountId, p.Page(Paging.Statuses), ct);
        return http.Paged(page.RowIds, await renderer.RenderManyAsync(page.Items, auth.AccountId, ct));
    }
}
