using Microsoft.Extensions.DependencyInjection;

namespace Fedi.Core.Filters;

/// <summary>Filters: stores, changes, and the per-request compiled filters of a viewer.</summary>
public static class FilterServices
{
    public static IServiceCollection AddFediFilters(this IServiceCollection services)
    {
        services.AddSingleton<FilterStore>();
        services.AddSingleton<FilterRuleStore>();
        services.AddSingleton<FilterChanges>();
        services.AddSingleton<CreateFilterService>();
        services.AddSingleton<UpdateFilterService>();
        services.AddSingleton<DeleteFilterService>();
        services.AddSingleton<ListFiltersService>();
        services.AddSingleton<FilterKeywordsService>();
        services.AddSingleton<FilterStatusesService>();
        services.AddSingleton<ViewerFilterLoader>();
        return services;
    }
}
