using Fedi.Core.ClientApi.Entities;
using Fedi.Core.Filters;

namespace Fedi.Core.ClientApi.Rendering;

/// <summary>Renders filters, their keywords and statuses, match results, and v1's one-filter-per-keyword view.</summary>
public static class FilterRenderer
{
    public static ApiFilter Render(FilterWithRules f, bool withRules = true) => new()
    {
        Id = ApiFormat.Id(f.Filter.Id),
        Title = f.Filter.Title,
        Context = f.Filter.Context,
        ExpiresAt = ApiFormat.Time(f.Filter.ExpiresAt),
        FilterAction = f.Filter.Action,
        Keywords = withRules ? f.Keywords.Select(Render).ToList() : null,
        Statuses = withRules ? f.Statuses.Select(Render).ToList() : null,
    };

    public static ApiFilterKeyword Render(CustomFilterKeyword k) => new(ApiFormat.Id(k.Id), k.Keyword, k.WholeWord);

    public static ApiFilterStatus Render(CustomFilterStatus s) => new(ApiFormat.Id(s.Id), ApiFormat.Id(s.StatusId));

    public static ApiFilterResult Render(FilterMatch m) => new(Render(m.Filter, withRules: false),
        m.KeywordMatches.Count == 0 ? null : m.KeywordMatches, m.StatusMatches.Count == 0 ? null : m.StatusMatches);

    /// <summary>v1 shows each keyword as a filter of its own, identified by the keyword's id.</summary>
    public static IEnumerable<ApiV1Filter> RenderV1(FilterWithRules f) => f.Keywords.Select(k => new ApiV1Filter(
        ApiFormat.Id(k.Id), k.Keyword, f.Filter.Context, k.WholeWord, ApiFormat.Time(f.Filter.ExpiresAt), f.Filter.Action == FilterRules.Hide));
}
