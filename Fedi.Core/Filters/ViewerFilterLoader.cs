namespace Fedi.Core.Filters;

/// <summary>Loads and compiles a viewer's filters that have not expired: three queries, once per request.</summary>
public sealed class ViewerFilterLoader(FilterStore filters, FilterRuleStore rules, TimeProvider time)
{
    public async Task<ViewerFilters> LoadAsync(long? viewerAccountId, CancellationToken ct = default)
    {
        if (viewerAccountId is not { } viewer) return ViewerFilters.None;
        var now = time.GetUtcNow().UtcDateTime;
        var active = (await filters.ListAsync(viewer, ct)).Where(f => f.ActiveAt(now)).ToList();
        if (active.Count == 0) return ViewerFilters.None;
        return new ViewerFilters(viewer, await ListFiltersService.WithRulesAsync(active, rules, ct));
    }
}
