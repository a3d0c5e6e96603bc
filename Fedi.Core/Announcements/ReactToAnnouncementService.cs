using System.Globalization;
using System.Text;
using Fedi.Core.Errors;

namespace Fedi.Core.Announcements;

/// <summary>
/// An emoji reaction to an active announcement (Mastodon's AnnouncementReaction and ReactionValidator): the name must be
/// an emoji, and an announcement carries at most <see cref="MaxNames"/> different ones.
/// </summary>
public sealed class ReactToAnnouncementService(AnnouncementStore announcements)
{
    public const int MaxNames = 8;

    public async Task ReactAsync(long accountId, long id, string name, CancellationToken ct = default)
    {
        await RequireActiveAsync(id, ct);
        if (!IsEmoji(name)) throw ApiException.Unprocessable("Validation failed: Name is not a recognized emoji");
        if (!await announcements.ReactAsync(accountId, id, name, MaxNames, ct))
            throw ApiException.Unprocessable("Validation failed: Limit of different reactions reached");
    }

    public async Task UnreactAsync(long accountId, long id, string name, CancellationToken ct = default)
    {
        await RequireActiveAsync(id, ct);
        await announcements.UnreactAsync(accountId, id, name, ct);
    }

    private async Task RequireActiveAsync(long id, CancellationToken ct)
    {
        if (!await announcements.ExistsActiveAsync(id, ct)) throw ApiException.NotFound();
    }

    /// <summary>
    /// A short run of pictographs with their joiners, variation selectors, skin tones and keycaps; custom emoji do not
    /// exist here yet. Letters, digits alone, spaces and punctuation are refused.
    /// </summary>
    public static bool IsEmoji(string name)
    {
        if (name.Length is 0 or > 32) return false;
        var pictographs = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.OtherSymbol or UnicodeCategory.MathSymbol && rune.Value > 0x7F) pictographs++;
            else if (category is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
                         or UnicodeCategory.ModifierSymbol) && !(rune.Value is '#' or '*' || Rune.IsDigit(rune)))
                return false;
        }
        return pictographs > 0 || name.Contains('\u20E3');
    }
}
