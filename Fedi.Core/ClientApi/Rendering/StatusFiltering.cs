using System.Net;
using System.Text.RegularExpressions;
using Fedi.Core.ClientApi.Entities;
using Fedi.Core.Filters;

namespace Fedi.Core.ClientApi.Rendering;

/// <summary>
/// Applies a viewer's filters to rendered statuses in one context: <c>filtered</c> on each match (on a reblog and on
/// its original alike) and, for a <c>hide</c> filter, the status left out. Keywords are matched in what a reader
/// sees: the content warning, the text without markup, the poll's options. The viewer's own statuses are never filtered.
/// </summary>
public static partial class StatusFiltering
{
    public static IReadOnlyList<ApiStatus> Apply(IReadOnlyList<ApiStatus> rendered, ViewerFilters filters, string context)
    {
        if (filters.IsEmpty) return rendered;
        var kept = new List<ApiStatus>(rendered.Count);
        foreach (var status in rendered)
        {
            var shown = status.Reblog ?? status;
            if (shown.Account.Id == ApiFormat.Id(filters.ViewerAccountId)) { kept.Add(status); continue; }
            var ids = status.Reblog is null ? new[] { long.Parse(status.Id) } : [long.Parse(status.Id), long.Parse(shown.Id)];
            var matches = filters.Match(context, SearchableText(shown), ids);
            if (matches.Count == 0) { kept.Add(status); continue; }
            if (matches.Any(m => m.Filter.Filter.Action == FilterRules.Hide)) continue;
            var results = matches.Select(FilterRenderer.Render).ToList();
            kept.Add(status with { Filtered = results, Reblog = status.Reblog is { } original ? original with { Filtered = results } : null });
        }
        return kept;
    }

    private static string SearchableText(ApiStatus status) => string.Join("\n\n",
        new[] { status.SpoilerText, WebUtility.HtmlDecode(Tags().Replace(LineBreaks().Replace(status.Content, "\n"), "")) }
            .Concat(status.Poll?.Options.Select(o => o.Title) ?? []));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"<br\s*/?>|</p>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreaks();
}
