using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fedi.Core.Search;

/// <summary>Search's stores and service. Federation replaces <see cref="IRemoteResolver"/> by registering its own before or after this (TryAdd).</summary>
public static class SearchServices
{
    public static IServiceCollection AddFediSearch(this IServiceCollection services)
    {
        services.AddSingleton<AccountSearchStore>();
        services.AddSingleton<StatusSearchStore>();
        services.AddSingleton<HashtagSearchStore>();
        services.AddSingleton<SearchService>();
        services.TryAddSingleton<IRemoteResolver, NoRemoteResolver>();
        return services;
    }
}
