using Fedi.Core.Errors;
using Fedi.Core.Statuses;

namespace Fedi.Core.Tags;

/// <summary>POST /api/v1/tags/:name/follow and unfollow. Following an unused tag creates it, as Mastodon does; both are idempotent.</summary>
public sealed class FollowTagService(TagFollowStore store)
{
    public async Task<Tag> FollowAsync(long accountId, string name, CancellationToken ct = default)
    {
        var tag = await store.FindOrCreateAsync(Normalize(name), ct);
        await store.FollowAsync(accountId, tag.Id, ct);
        return tag;
    }

    /// <summary>An unknown tag is a 404 (Mastodon's Tag.find_normalized!).</summary>
    public async Task<Tag> UnfollowAsync(long accountId, string name, CancellationToken ct = default)
    {
        var tag = await store.FindByNameAsync(Normalize(name), ct) ?? throw ApiException.NotFound();
        await store.UnfollowAsync(accountId, tag.Id, ct);
        return tag;
    }

    /// <summary>The normalised name, or a 404 when nothing of it is a hashtag.</summary>
    public static string Normalize(string name)
    {
        var normalized = HashtagNormalizer.Normalize(name.TrimStart('#'));
        return normalized.Length is > 0 and <= 100 ? normalized : throw ApiException.NotFound();
    }
}
