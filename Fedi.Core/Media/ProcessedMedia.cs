namespace Fedi.Core.Media;

/// <summary>What processing stored for an attachment: its files' keys and what was learnt about them.</summary>
public sealed record ProcessedMedia(
    MediaType Type, string FileKey, string ContentType, long Size, string? ThumbnailKey, string? Blurhash, string Meta);

/// <summary>Processed files in a work folder, before they are stored.</summary>
public sealed record ProcessedFiles(MediaType Type, string OriginalPath, MediaFormat Format, string? SmallPath, string? Blurhash, string Meta);

/// <summary>An upload refused for what it is (bad bytes, too large, unreadable): 422 for a client, failed for the worker.</summary>
public sealed class MediaRejectedException(string message) : Errors.ApiException(422, $"Validation failed: {message}");
