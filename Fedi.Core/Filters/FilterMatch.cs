namespace Fedi.Core.Filters;

/// <summary>One filter's match on one status (Mastodon's FilterResult).</summary>
public sealed record FilterMatch(FilterWithRules Filter, IReadOnlyList<string> KeywordMatches, IReadOnlyList<string> StatusMatches);
