using System.Globalization;
using System.Text;

namespace Fedi.Core.Statuses;

/// <summary>
/// The hashtag part of a channel name, as Mastodon's streaming server derives it from the <c>tag</c>
/// parameter: NFKC, lower case, Latin letters with diacritics folded to ASCII (Mastodon's ASCII folder,
/// which covers Latin-1 and Latin Extended-A), then only letters, digits, <c>_</c>, <c>·</c> and ZWNJ kept.
/// Shared by posting (stored tag names) and streaming (channel names), so both must agree: it needs ICU
/// (a tier built with InvariantGlobalization would silently skip NFKC and the folds) and refuses to run without it.
/// </summary>
public static class HashtagNormalizer
{
    private const char MiddleDot = '\u00b7';
    private const char ZeroWidthNonJoiner = '\u200c';

    // Folds that Unicode decomposition does not give (stroked and special letters).
    private static readonly Dictionary<char, char> Special = new()
    {
        ['Ð'] = 'D', ['ð'] = 'd', ['Đ'] = 'D', ['đ'] = 'd', ['Ħ'] = 'H', ['ħ'] = 'h', ['ı'] = 'i', ['ĸ'] = 'k',
        ['Ŀ'] = 'L', ['ŀ'] = 'l', ['Ł'] = 'L', ['ł'] = 'l', ['ŉ'] = 'n', ['Ŋ'] = 'N', ['ŋ'] = 'n',
        ['Ø'] = 'O', ['ø'] = 'o', ['ſ'] = 's', ['Ŧ'] = 'T', ['ŧ'] = 't',
    };

    private static readonly Dictionary<char, char> Folds = BuildFolds();

    public static string Normalize(string tag)
    {
        if (Folds.Count == Special.Count)
            throw new InvalidOperationException("Hashtag normalisation needs ICU: set <InvariantGlobalization>false</InvariantGlobalization> for this tier.");
        var lowered = tag.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var result = new StringBuilder(lowered.Length);
        foreach (var rune in lowered.EnumerateRunes())
        {
            if (rune.IsBmp && Folds.TryGetValue((char)rune.Value, out var folded)) result.Append(folded);
            else if (Keeps(rune)) result.Append(rune.ToString());
        }
        return result.ToString();
    }

    private static bool Keeps(Rune rune) =>
        rune.Value is '_' or MiddleDot or ZeroWidthNonJoiner
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;

    /// <summary>Each letter of U+00C0–U+017F that is an ASCII letter plus accents, mapped to that letter.</summary>
    private static Dictionary<char, char> BuildFolds()
    {
        var folds = new Dictionary<char, char>(Special);
        for (var c = '\u00c0'; c <= '\u017f'; c++)
        {
            if (folds.ContainsKey(c)) continue;
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            if (decomposed.Length > 1 && char.IsAsciiLetter(decomposed[0])
                && decomposed.Skip(1).All(m => CharUnicodeInfo.GetUnicodeCategory(m) == UnicodeCategory.NonSpacingMark))
                folds[c] = decomposed[0];
        }
        return folds;
    }
}
