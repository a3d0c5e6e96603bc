using Fedi.Web.ClientApi.Accounts;
using Fedi.Web.ClientApi.FollowedTags;
using Fedi.Web.ClientApi.Tags;

namespace Fedi.Web.ClientApi.Search;

/// <summary>The routes of search, hashtags and discovery, mapped with one call from <see cref="WebServices"/>.</summary>
public static class DiscoveryEndpoints
{
    public static void MapDiscoveryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapSearchEndpoints();
        app.MapAccountSearchEndpoints();
        app.MapTagsEndpoints();
        app.MapFollowedTagsEndpoints();
    }
}
