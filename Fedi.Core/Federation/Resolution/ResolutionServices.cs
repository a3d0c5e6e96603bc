using Fedi.Core.Search;
using Fedi.Core.Statuses;
using Microsoft.Extensions.DependencyInjection;

namespace Fedi.Core.Federation.Resolution;

/// <summary>Remote resolution: WebFinger, handles and URLs to stored accounts and statuses, search's <c>resolve=true</c>, remote mentions.</summary>
public static class ResolutionServices
{
    public static IServiceCollection AddFediFederationResolution(this IServiceCollection services)
    {
        services.AddSingleton<WebFingerClient>();
        services.AddSingleton<ResolutionStore>();
        services.AddSingleton<ResolveAccountService>();
        services.AddSingleton<ResolveUrlService>();
        // These replace the local-only defaults of search and posting, whichever is registered first.
        services.AddSingleton<IRemoteResolver, FederationRemoteResolver>();
        services.AddSingleton<IRemoteMentionResolver, WebFingerMentions>();
        return services;
    }
}
