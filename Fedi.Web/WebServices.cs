using Fedi.Web.ClientApi.Accounts;
using Fedi.Web.ClientApi.Apps;
using Fedi.Web.ClientApi.Blocks;
using Fedi.Web.ClientApi.Conversations;
using Fedi.Web.ClientApi.DomainBlocks;
using Fedi.Web.ClientApi.Follows;
using Fedi.Web.ClientApi.Instance;
using Fedi.Web.ClientApi.Lists;
using Fedi.Web.ClientApi.Mutes;
using Fedi.Web.ClientApi.Statuses;
using Fedi.Web.ClientApi.Streaming;
using Fedi.Web.ClientApi.Tags;
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

    public static void MapWebEndpoints(this WebApplication app)
    {
        app.MapAuthorizeEndpoints();
        app.MapTokenEndpoints();
        app.MapOAuthMetadataEndpoints();
        app.MapConfirmationEndpoints();
        app.MapAppsEndpoints();
        app.MapAccountsEndpoints();
        app.MapFollowsEndpoints();
        app.MapBlocksEndpoints();
        app.MapMutesEndpoints();
        app.MapDomainBlocksEndpoints();
        app.MapInstanceEndpoints();
        app.MapStatusesEndpoints();
        app.MapTimelinesEndpoints();
        app.MapAccountStatusesEndpoints();
        app.MapStreamingRedirectEndpoints();
        app.MapTagTimelineEndpoints();
        app.MapListsEndpoints();
        app.MapListAccountsEndpoints();
        app.MapConversationsEndpoints();
        app.MapDefaultImagesEndpoints();
    }
}
