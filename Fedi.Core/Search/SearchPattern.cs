namespace Fedi.Core.Search;

/// <summary>Turns what a user typed into LIKE prefix patterns, with LIKE's own wildcards taken literally.</summary>
public static class SearchPattern
{
    /// <summary><c>q%</c> over the lower-cased, escaped text (escape character: backslash, PostgreSQL's default).</summary>
    public static string Prefix(string text) => Escape(text.ToLowerInvariant()) + "%";

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
