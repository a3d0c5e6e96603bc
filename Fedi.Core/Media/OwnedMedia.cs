using Fedi.Core.Errors;

namespace Fedi.Core.Media;

/// <summary>An attachment as its owner may see it: someone else's is "not found", as Mastodon answers.</summary>
public static class OwnedMedia
{
    public static async Task<MediaAttachment> FindAsync(MediaAttachmentStore store, long id, long accountId, CancellationToken ct) =>
        await store.FindAsync(id, ct) is { } media && media.AccountId == accountId ? media : throw ApiException.NotFound();
}
