using Fedi.Core.Statuses;

namespace Fedi.Core.Statuses;

/// <summary>The hashtags of a status's text, normalised as the streaming tier normalises a <c>tag</c> parameter.</summary>
public static class StatusTags
{
    /// <summary>Mastodon's limit on a hashtag's length (Tag::HASHTAG_MAX_LENGTH); longer ones are not tags.</summary>
    public const int MaxLength = 256;

    public static IReadOnlyList<string> Extract(string text) =>
        StatusText.HashtagPattern().Matches(text)
            .Select(m => HashtagNormalizer.Normalize(m.Groups["tag"].Value))
            .Where(name => name.Length is > 0 and <= MaxLength)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
