using Fedi.Core.Errors;

namespace Fedi.Core.Media;

/// <summary>Deletes an unattached upload and its files (DELETE /api/v1/media/:id); an attached one is a 422, as in Mastodon.</summary>
public sealed class DeleteMediaService(MediaAttachmentStore store, IMediaStorage storage)
{
    public async Task<MediaAttachment> DeleteAsync(long id, long accountId, CancellationToken ct)
    {
        var media = await OwnedMedia.FindAsync(store, id, accountId, ct);
        if (media.StatusId is not null || !await store.DeleteUnattachedAsync(media.Id, ct))
            throw ApiException.Unprocessable("Media attachment is currently used by a status");
        await DeleteFilesAsync(media, ct);
        return media;
    }

    /// <summary>Removes an attachment's stored files (the row is gone already).</summary>
    public async Task DeleteFilesAsync(MediaAttachment media, CancellationToken ct)
    {
        foreach (var key in new[] { media.FileKey, media.ThumbnailKey, media.UploadKey })
            if (key is not null) await storage.DeleteAsync(key, ct);
    }
}
