using Fedi.Core.Errors;

namespace Fedi.Core.Media;

/// <summary>Changes an attachment's description and focus (PUT /api/v1/media/:id); only its owner may.</summary>
public sealed class UpdateMediaService(MediaAttachmentStore store)
{
    public async Task<MediaAttachment> UpdateAsync(long id, long accountId, string? description, string? focus, CancellationToken ct)
    {
        var media = await OwnedMedia.FindAsync(store, id, accountId, ct);
        if (description is { Length: > UploadMediaService.MaxDescriptionLength })
            throw new MediaRejectedException($"Description is too long (maximum is {UploadMediaService.MaxDescriptionLength} characters)");
        return await store.UpdateAsync(media.Id, description, MediaMeta.Focus(focus), ct) ?? throw ApiException.NotFound();
    }
}
