using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Fedi.Core.ClientApi.Entities;
using Fedi.Core.Filters;

namespace Fedi.Core.ClientApi.Rendering;

/// <summary>
/// Applies a viewer's filters to rendered statuses in one context: <c>filtered</c> on each match (on a reblog and on
/// its original alike) and, for a <c>hide</c> filter, the status left out. Keywords are matched in what a reader
/// sees: the content warning, the text without markup, the poll's options. The viewer's own statuses are never
/// filtered. The streaming tier matches its payloads with the same <see cref="Match"/>.
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
            long[] ids = status.Reblog is null ? [Id(status.Id)] : [Id(status.Id), Id(shown.Id)];
            var matches = Match(filters, context, Id(shown.Account.Id),
                SearchableText(shown.SpoilerText, shown.Content, shown.Poll?.Options.Select(o => o.Title) ?? []), ids);
            if (matches.Count == 0) { kept.Add(status); continue; }
            if (Hides(matches)) continue;
            var results = matches.Select(FilterRenderer.Render).ToList();
            kept.Add(status with { Filtered = results, Reblog = status.Reblog is { } original ? original with { Filtered = results } : null });
        }
        return kept;
    }

    /// <summary>The filters of <paramref name="context"/> a status by <paramref name="authorId"/> matches.</summary>
    public static IReadOnlyList<FilterMatch> Match(ViewerFilters filters, string context, long authorId, string searchableText, long[] statusIds) =>
        filters.IsEmpty || authorId == filters.ViewerAccountId ? [] : filters.Match(context, searchableText, statusIds);

    public static bool Hides(IReadOnlyList<FilterMatch> matches) => matches.Any(m => m.Filter.Filter.Action == FilterRules.Hide);

    /// <summary>Mastodon's searchable_text: content warning, plain text and poll options, one paragraph each.</summary>
    public static string SearchableText(string spoilerText, string contentHtml, IEnumerable<string> pollOptions) => string.Join("\n\n",
        new[] { spoilerText, WebUtility.HtmlDecode(Tags().Replace(LineBreaks().Replace(contentHtml, "\n"), "")) }.Concat(pollOptions));

    private static long Id(string id) => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"<br\s*/?>|</p>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreaks();
}
