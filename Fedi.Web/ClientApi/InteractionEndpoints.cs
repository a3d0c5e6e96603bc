using Fedi.Web.ClientApi.Bookmarks;
using Fedi.Web.ClientApi.Favourites;
using Fedi.Web.ClientApi.Statuses;

namespace Fedi.Web.ClientApi;

/// <summary>The routes of interactions with statuses and their threads, which span three resources: statuses, favourites, bookmarks.</summary>
public static class InteractionEndpoints
{
    public static void MapInteractionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapStatusInteractionEndpoints();
        app.MapStatusContextEndpoints();
        app.MapStatusEditEndpoints();
        app.MapFavouritesEndpoints();
        app.MapBookmarksEndpoints();
    }
}
