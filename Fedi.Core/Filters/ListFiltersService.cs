using Fedi.Core.Errors;

namespace Fedi.Core.Filters;

/// <summary>The account's filters with their keywords and statuses (GET /api/v2/filters and /api/v1/filters).</summary>
public sealed class ListFiltersService(FilterStore filters, FilterRuleStore rules)
{
    public async Task<IReadOnlyList<FilterWithRules>> ListAsync(long accountId, CancellationToken ct = default) =>
        await WithRulesAsync(await filters.ListAsync(accountId, ct), rules, ct);

    public async Task<FilterWithRules> FindAsync(long accountId, long id, CancellationToken ct = default)
    {
        var filter = await filters.FindAsync(id, accountId, ct) ?? throw ApiException.NotFound();
        return (await WithRulesAsync([filter], rules, ct))[0];
    }

    /// <summary>Keywords and statuses of a set of filters in two queries.</summary>
    public static async Task<IReadOnlyList<FilterWithRules>> WithRulesAsync(IReadOnlyList<CustomFilter> list, FilterRuleStore rules, CancellationToken ct)
    {
        if (list.Count == 0) return [];
        var ids = list.Select(f => f.Id).ToArray();
        var keywords = (await rules.ListKeywordsAsync(ids, ct)).ToLookup(k => k.CustomFilterId);
        var statuses = (await rules.ListStatusesAsync(ids, ct)).ToLookup(s => s.CustomFilterId);
        return list.Select(f => new FilterWithRules(f, keywords[f.Id].ToList(), statuses[f.Id].ToList())).ToList();
    }
}
