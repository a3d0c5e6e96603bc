using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Instance;
using Fedi.Core.Search;
using Fedi.Core.Tags;
using Fedi.Core.Timelines;
using Microsoft.Extensions.DependencyInjection;

namespace Fedi.Core.Hosting;

/// <summary>Search, followed hashtags and the instance's discovery lists: their stores, services and renderers.</summary>
public static class DiscoveryServices
{
    public static IServiceCollection AddFediDiscovery(this IServiceCollection services)
    {
        services.AddFediSearch();
        services.AddSingleton<TagFollowStore>();
        services.AddSingleton<FollowTagService>();
        services.AddSingleton<TagRenderer>();
        services.AddSingleton<TagFollowerFeeds>();
        services.AddSingleton<DirectoryStore>();
        services.AddSingleton<TrendingTagsStore>();
        services.AddSingleton<TrendingStatusesStore>();
        services.AddSingleton<InstanceRuleStore>();
        services.AddSingleton<InstanceActivityStore>();
        return services;
    }
}
