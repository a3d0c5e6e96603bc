using Fedi.Web.ActivityPub;
using Fedi.Web.ClientApi;
using Fedi.Web.ClientApi.Accounts;
using Fedi.Web.ClientApi.Apps;
using Fedi.Web.ClientApi.Blocks;
using Fedi.Web.ClientApi.Conversations;
using Fedi.Web.ClientApi.DomainBlocks;
using Fedi.Web.ClientApi.Filters;
using Fedi.Web.ClientApi.Endorsements;
using Fedi.Web.ClientApi.FeaturedTags;
using Fedi.Web.ClientApi.FollowRequests;
using Fedi.Web.ClientApi.Instance;
using Fedi.Web.ClientApi.Lists;
using Fedi.Web.ClientApi.Markers;
using Fedi.Web.ClientApi.Media;
using Fedi.Web.ClientApi.Mutes;
using Fedi.Web.ClientApi.Notifications;
using Fedi.Web.ClientApi.Polls;
using Fedi.Web.ClientApi.Preferences;
using Fedi.Web.ClientApi.ScheduledStatuses;
using Fedi.Web.ClientApi.Profile;
using Fedi.Web.ClientApi.Search;
using Fedi.Web.ClientApi.Statuses;
using Fedi.Web.ClientApi.Streaming;
using Fedi.Web.ClientApi.Timelines;
using Fedi.Web.OAuth;
using Fedi.Web.Pages;

namespace Fedi.Web;

/// <summary>What the web tier registers and routes beyond the shared core.</summary>
public static class WebServices
{
    public static IServiceCollection AddWebServices(this IServiceCollection services)
    {
        services.AddSingleton<Core.Instance.InstanceStatsStore>();
        return services;
    }

    /// <summary>
    /// Routes are grouped by the resource of their URL: <c>ClientApi/&lt;Resource&gt;/</c> maps every route under
    /// <c>/api/v{n}/&lt;resource&gt;</c> (the first segment after the version), whatever the verb or sub-path, e.g.
    /// <c>/api/v1/accounts/:id/block</c> with accounts and <c>/api/v1/blocks</c> with blocks. A folder holds
    /// <c>&lt;Resource&gt;Endpoints.cs</c>, split by concern into more <c>…Endpoints.cs</c> files when it grows. Routes
    /// outside <c>/api</c> go by what they serve: OAuth/ (sign-in: <c>/oauth/…</c>, <c>/auth/confirmation</c>, the
    /// OAuth metadata under <c>/.well-known</c>), Pages/ (public images and pages) and ActivityPub/ (federation:
    /// actors, objects, inboxes, WebFinger, host-meta and NodeInfo).
    /// </summary>
    public static void MapWebEndpoints(this WebApplication app)
    {
        app.MapAuthorizeEndpoints();
        app.MapTokenEndpoints();
        app.MapOAuthMetadataEndpoints();
        app.MapConfirmationEndpoints();
        app.MapAppsEndpoints();
        app.MapAccountsEndpoints();
        app.MapAccountRelationshipEndpoints();
        app.MapEndorsementsEndpoints();
        app.MapFeaturedTagsEndpoints();
        app.MapAccountCollectionsEndpoints();
        app.MapBlocksEndpoints();
        app.MapMutesEndpoints();
        app.MapDomainBlocksEndpoints();
        app.MapInstanceEndpoints();
        app.MapStatusesEndpoints();
        app.MapPollsEndpoints();
        app.MapScheduledStatusesEndpoints();
        app.MapMediaEndpoints();
        app.MapFiltersEndpoints();
        app.MapTimelinesEndpoints();
        app.MapStreamingRedirectEndpoints();
        app.MapListsEndpoints();
        app.MapListAccountsEndpoints();
        app.MapConversationsEndpoints();
        app.MapInteractionEndpoints();
        app.MapNotificationsEndpoints();
        app.MapMarkersEndpoints();
        app.MapFollowRequestsEndpoints();
        app.MapAccountProfileEndpoints();
        app.MapProfileEndpoints();
        app.MapPreferencesEndpoints();
        app.MapDefaultImagesEndpoints();
        app.MapLandingPageEndpoints();
        app.MapDiscoveryEndpoints();
        app.MapActivityPubEndpoints();
    }
}
