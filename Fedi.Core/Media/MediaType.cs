namespace Fedi.Core.Media;

/// <summary>Mastodon's media_attachments.type enum, with its API names.</summary>
public enum MediaType : short { Image = 0, Gifv = 1, Video = 2, Unknown = 3, Audio = 4 }

/// <summary>Mastodon's media_attachments.processing enum.</summary>
public enum MediaProcessing : short { Queued = 0, InProgress = 1, Complete = 2, Failed = 3 }

public static class MediaTypeNames
{
    public static string ToApi(this MediaType type) => type switch
    {
        MediaType.Image => "image",
        MediaType.Gifv => "gifv",
        MediaType.Video => "video",
        MediaType.Audio => "audio",
        _ => "unknown",
    };
}
