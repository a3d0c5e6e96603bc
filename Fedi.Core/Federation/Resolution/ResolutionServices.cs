using Fedi.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Fedi.Core.Federation.Resolution;

/// <summary>Remote resolution: WebFinger, handles and URLs to stored accounts and statuses, search's <c>resolve=true</c>.</summary>
public static class ResolutionServices
{
    public static IServiceCollection AddFediFederationResolution(this IServiceCollection services)
    {
        services.AddSingleton<WebFingerClient>();
        services.AddSingleton<ResolutionStore>();
        services.AddSingleton<ResolveAccountService>();
        services.AddSingleton<ResolveUrlService>();
        // Replaces search's local-only default, whichever of the two is registered first.
        services.AddSingleton<IRemoteResolver, FederationRemoteResolver>();
        return services;
    }
}
