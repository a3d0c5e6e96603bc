using Fedi.Web.ClientApi.Accounts;
using Fedi.Web.ClientApi.Announcements;
using Fedi.Web.ClientApi.CustomEmojis;
using Fedi.Web.ClientApi.Directory;
using Fedi.Web.ClientApi.FollowedTags;
using Fedi.Web.ClientApi.Instance;
using Fedi.Web.ClientApi.Suggestions;
using Fedi.Web.ClientApi.Tags;
using Fedi.Web.ClientApi.Trends;

namespace Fedi.Web.ClientApi.Search;

/// <summary>The routes of search, hashtags, discovery and the instance's smaller documents, mapped with one call from <see cref="WebServices"/>.</summary>
public static class DiscoveryEndpoints
{
    public static void MapDiscoveryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapSearchEndpoints();
        app.MapAccountSearchEndpoints();
        app.MapTagsEndpoints();
        app.MapFollowedTagsEndpoints();
        app.MapInstanceExtrasEndpoints();
        app.MapCustomEmojisEndpoints();
        app.MapAnnouncementsEndpoints();
        app.MapDirectoryEndpoints();
        app.MapSuggestionsEndpoints();
        app.MapTrendsEndpoints();
    }
}
