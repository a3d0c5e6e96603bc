using Fedi.Core.Errors;
using Fedi.Core.Statuses;

namespace Fedi.Core.Tags;

/// <summary>POST /api/v1/featured_tags (Mastodon's FeaturedTag validations: a hashtag name, not featured twice, at most
/// <see cref="Limit"/>). Featuring an unused tag creates it.</summary>
public sealed class FeatureTagService(FeaturedTagStore featured, TagFollowStore tags)
{
    public const int Limit = 10;

    public async Task<FeaturedTag> FeatureAsync(long accountId, string? name, CancellationToken ct = default)
    {
        var raw = (name ?? "").Trim().TrimStart('#');
        if (raw.Length == 0) throw ApiException.Unprocessable("Validation failed: Name can't be blank");
        if (!IsHashtagName(raw)) throw ApiException.Unprocessable("Validation failed: Name is invalid");
        var tag = await tags.FindOrCreateAsync(HashtagNormalizer.Normalize(raw), ct);
        var (added, taken) = await featured.AddAsync(accountId, tag.Id, raw, Limit, ct);
        return added ?? throw ApiException.Unprocessable(taken
            ? "Validation failed: Name has already been taken"
            : "Validation failed: You have already featured the maximum number of hashtags");
    }

    /// <summary>Mastodon's HASHTAG_NAME_RE: word characters (and the middle dot), at least one of them not a digit.</summary>
    private static bool IsHashtagName(string name) =>
        name.Length <= StatusTags.MaxLength
        && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '\u00B7' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark)
        && name.Any(c => char.IsLetter(c) || c is '_' or '\u00B7');
}
