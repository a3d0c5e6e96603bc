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
    }
}
