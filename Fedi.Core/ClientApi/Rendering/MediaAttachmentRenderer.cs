using System.Text.Json;
using Fedi.Core.ClientApi.Entities;
using Fedi.Core.Media;

namespace Fedi.Core.ClientApi.Rendering;

/// <summary>Renders attachments with their storage's public URLs.</summary>
public sealed class MediaAttachmentRenderer(IMediaStorage storage)
{
    public ApiMediaAttachment Render(MediaAttachment media)
    {
        using var meta = JsonDocument.Parse(media.FileMeta);
        return new ApiMediaAttachment
        {
            Id = ApiFormat.Id(media.Id),
            Type = media.Type.ToApi(),
            Url = media.FileKey is { } file ? storage.Url(file) : null,
            PreviewUrl = media.ThumbnailKey is { } small ? storage.Url(small) : null,
            RemoteUrl = media.RemoteUrl.Length > 0 ? media.RemoteUrl : null,
            Meta = meta.RootElement.Clone(),
            Description = media.Description,
            Blurhash = media.Blurhash,
        };
    }
}
