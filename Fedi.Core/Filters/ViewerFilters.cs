using System.Text.RegularExpressions;

namespace Fedi.Core.Filters;

/// <summary>
/// A viewer's active filters compiled once: per filter one case-insensitive regex over its keywords (Mastodon's
/// CustomFilterKeyword#to_regex: a whole-word keyword gets <c>\b</c> at an end that is a word character) and its
/// status ids. Built per request by <see cref="ViewerFilterLoader"/>, then matched against every status of the page.
/// </summary>
public sealed class ViewerFilters
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);
    private readonly IReadOnlyList<(FilterWithRules Rules, Regex? Keywords, HashSet<long> StatusIds)> _filters;

    public static readonly ViewerFilters None = new(0, []);

    public ViewerFilters(long viewerAccountId, IReadOnlyList<FilterWithRules> filters)
    {
        ViewerAccountId = viewerAccountId;
        _filters = filters.Select(f => (f, Compile(f.Keywords), f.Statuses.Select(s => s.StatusId).ToHashSet())).ToList();
    }

    /// <summary>Whose filters these are: they never apply to the viewer's own statuses.</summary>
    public long ViewerAccountId { get; }

    public bool IsEmpty => _filters.Count == 0;

    /// <summary>The filters of <paramref name="context"/> that match: by keyword in <paramref name="searchableText"/>
    /// (spoiler text, plain text, poll options, media descriptions) or by the status or its reblogged original.</summary>
    public IReadOnlyList<FilterMatch> Match(string context, string searchableText, params long[] statusIds)
    {
        List<FilterMatch>? matches = null;
        foreach (var (rules, keywords, ids) in _filters)
        {
            if (!rules.Filter.Context.Contains(context)) continue;
            string[] keywordMatches = [];
            if (keywords is not null)
            {
                try
                {
                    keywordMatches = keywords.Matches(searchableText).Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
                }
                catch (RegexMatchTimeoutException)
                {
                    // A pathological text is not filtered rather than failing the page.
                }
            }
            var statusMatches = statusIds.Where(ids.Contains).Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            if (keywordMatches.Length == 0 && statusMatches.Length == 0) continue;
            (matches ??= []).Add(new FilterMatch(rules, keywordMatches, statusMatches));
        }
        return matches ?? (IReadOnlyList<FilterMatch>)[];
    }

    private static Regex? Compile(IReadOnlyList<CustomFilterKeyword> keywords)
    {
        if (keywords.Count == 0) return null;
        var alternatives = keywords.Select(k =>
        {
            var escaped = Regex.Escape(k.Keyword);
            if (!k.WholeWord) return escaped;
            var start = k.Keyword.Length > 0 && IsWord(k.Keyword[0]) ? @"\b" : "";
            var end = k.Keyword.Length > 0 && IsWord(k.Keyword[^1]) ? @"\b" : "";
            return start + escaped + end;
        });
        return new Regex(string.Join("|", alternatives.Select(a => $"(?:{a})")),
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline, MatchTimeout);
    }

    private static bool IsWord(char c) => char.IsLetterOrDigit(c) || c == '_';
}
