using Fedi.Web.ClientApi.Accounts;
using Fedi.Web.ClientApi.Apps;
using Fedi.Web.ClientApi.Follows;
using Fedi.Web.OAuth;

namespace Fedi.Web;

/// <summary>What the web tier registers and routes beyond the shared core.</summary>
public static class WebServices
{
    public static IServiceCollection AddWebServices(this IServiceCollection services)
    {
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
    }
}
