using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Fedi.Streaming.Endpoints;

/// <summary>Puts <see cref="DirectUpgrade"/> in front of every Kestrel endpoint.</summary>
public static class DirectUpgradeServices
{
    /// <summary>
    /// Endpoint defaults only reach endpoints declared after them, and the shared host setup (ServerHost)
    /// declares its listener in its own Kestrel options action; this one is inserted first so it runs before it.
    /// </summary>
    public static IServiceCollection UpgradeAheadOfHttp(this IServiceCollection services)
    {
        services.AddSingleton<DirectUpgrade>();
        services.Insert(0, ServiceDescriptor.Singleton<IConfigureOptions<KestrelServerOptions>>(new ConfigureOptions<KestrelServerOptions>(kestrel =>
            kestrel.ConfigureEndpointDefaults(listen => listen.Use(next =>
            {
                var upgrade = listen.ApplicationServices.GetRequiredService<DirectUpgrade>();
                return connection => upgrade.OnConnectionAsync(connection, next);
            })))));
        return services;
    }
}
