using System.Globalization;
using System.Text.RegularExpressions;
using Fedi.Core.Validation;

namespace Fedi.Core.Statuses;

/// <summary>What Mastodon finds in a status's plain text: mentions, hashtags, links, and its counted length.</summary>
public static partial class StatusText
{
    public const int MaxCharacters = TextLimits.StatusCharacters;

    /// <summary>Every URL counts as this many characters, however long (instance configuration says so too).</summary>
    public const int CharactersPerUrl = 23;

    // The domain may carry a port: instances on a development machine federate as host:port.
    [GeneratedRegex(@"(?<=^|[^\p{L}\p{N}_/@.])@(?<username>[a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?)(?:@(?<domain>[\p{L}\p{N}.-]+\.[\p{L}\p{N}-]+(?::[0-9]{1,5}(?![0-9]))?))?", RegexOptions.IgnoreCase)]
    public static partial Regex MentionPattern();

    [GeneratedRegex(@"(?<=^|[^\p{L}\p{N}_/)])#(?<tag>[\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*)")]
    public static partial Regex HashtagPattern();

    [GeneratedRegex(@"https?://[^\s<>""']+[^\s<>""'.,;:!?)\]]", RegexOptions.IgnoreCase)]
    public static partial Regex UrlPattern();

    public static IReadOnlyList<(string Username, string? Domain)> Mentions(string text) =>
        MentionPattern().Matches(text)
            .Select(m => (m.Groups["username"].Value, m.Groups["domain"].Success ? m.Groups["domain"].Value : null))
            .Distinct()
            .ToList();

    /// <summary>
    /// Mastodon's counting: code points, with every URL as <see cref="CharactersPerUrl"/> and remote
    /// mentions counted without their domain.
    /// </summary>
    public static int CountCharacters(string text)
    {
        var countable = UrlPattern().Replace(text, new string('x', CharactersPerUrl));
        countable = MentionPattern().Replace(countable, m => "@" + m.Groups["username"].Value);
        var count = 0;
        foreach (var _ in countable.EnumerateRunes()) count++;
        return count;
    }

    /// <summary>ISO 639-1/639-3 code, lower-cased; null when absent or not a language code.</summary>
    public static string? NormalizeLanguage(string? language)
    {
        if (string.IsNullOrWhiteSpace(language)) return null;
        var code = language.Trim().ToLowerInvariant();
        if (code.Length is < 2 or > 3 || !code.All(char.IsAsciiLetterLower)) return null;
        try { return new CultureInfo(code).TwoLetterISOLanguageName is { Length: > 0 } ? code : null; }
        catch (CultureNotFoundException) { return code; }
    }
}
