namespace Fedi.Core.Media;

/// <summary>A row of <c>media_attachments</c>.</summary>
public sealed record MediaAttachment
{
    public long Id { get; init; }
    public long AccountId { get; init; }
    public long? StatusId { get; init; }
    public MediaType Type { get; init; }
    /// <summary>Storage key of the processed file; null until processed.</summary>
    public string? FileKey { get; init; }
    public string? FileContentType { get; init; }
    public long? FileFileSize { get; init; }
    /// <summary>Storage key of the small preview (an image, also for video).</summary>
    public string? ThumbnailKey { get; init; }
    /// <summary>Storage key of the file as uploaded, kept until the worker has processed it.</summary>
    public string? UploadKey { get; init; }
    /// <summary>Mastodon's meta as stored: JSON with original, small, focus, duration, fps…</summary>
    public string FileMeta { get; init; } = "{}";
    public string? Description { get; init; }
    public string? Blurhash { get; init; }
    public MediaProcessing Processing { get; init; }
    public string? ProcessingError { get; init; }
    public string RemoteUrl { get; init; } = "";
    public DateTime CreatedAt { get; init; }

    public bool IsProcessed => Processing == MediaProcessing.Complete;
}
