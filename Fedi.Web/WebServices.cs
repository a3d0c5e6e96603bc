using Fedi.Web.ClientApi.Instance;
using Fedi.Web.ClientApi.Statuses;
using Fedi.Web.ClientApi.Streaming;
using Fedi.Web.ClientApi.Timelines;
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
        app.MapInstanceEndpoints();
        app.MapStatusesEndpoints();
        app.MapTimelinesEndpoints();
        app.MapAccountStatusesEndpoints();
        app.MapStreamingRedirectEndpoints();
        app.MapDefaultImagesEndpoints();
    }
}
