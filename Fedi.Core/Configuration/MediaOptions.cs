namespace Fedi.Core.Configuration;

/// <summary>Where uploaded media is kept and served from, and Mastodon's limits on it. Read once at start.</summary>
public sealed record MediaOptions
{
    /// <summary>MEDIA_ROOT: the folder local media storage writes to (default <c>public/system</c> under the working
    /// folder, Mastodon's). Web and worker must see the same folder.</summary>
    public required string Root { get; init; }

    /// <summary>MEDIA_PUBLIC_URL: the URL of <see cref="Root"/> as clients reach it (default <c>WEB_BASE/system</c>,
    /// served by Fedi.Web, or by nginx from the same folder).</summary>
    public required string PublicUrl { get; init; }

    /// <summary>MEDIA_IMAGE_SIZE_LIMIT (bytes, default 16 MiB, Mastodon's IMAGE_LIMIT).</summary>
    public long ImageSizeLimit { get; init; } = 16L * 1024 * 1024;

    /// <summary>MEDIA_VIDEO_SIZE_LIMIT (bytes, default 99 MiB, Mastodon's VIDEO_LIMIT; audio too).</summary>
    public long VideoSizeLimit { get; init; } = 99L * 1024 * 1024;

    /// <summary>MEDIA_MAX_IMAGE_PIXELS (default 33,177,600, 7680x4320: Mastodon's image_matrix_limit): larger images, as
    /// their header declares them, are refused before any pixel is decoded, so a decompression bomb never allocates its canvas.</summary>
    public long MaxImagePixels { get; init; } = DefaultMaxImagePixels;

    public const int DefaultMaxImagePixels = 33_177_600;

    /// <summary>Mastodon's matrix limit: stored originals are downscaled to at most 3840x2160 pixels' worth.</summary>
    public const long MatrixLimit = 8_294_400;

    /// <summary>The largest request body an upload route accepts: the video limit plus room for the form around it.</summary>
    public long UploadBodyLimit => VideoSizeLimit + 1024 * 1024;

    public static MediaOptions From(EnvironmentSettings env, InstanceOptions instance) => new()
    {
        Root = Path.GetFullPath(env.Optional("MEDIA_ROOT", "public/system")),
        PublicUrl = env.Optional("MEDIA_PUBLIC_URL", $"{instance.WebBaseUrl}/system").TrimEnd('/'),
        ImageSizeLimit = env.Int("MEDIA_IMAGE_SIZE_LIMIT", 16 * 1024 * 1024, min: 1024, max: 1024 * 1024 * 1024),
        VideoSizeLimit = env.Int("MEDIA_VIDEO_SIZE_LIMIT", 99 * 1024 * 1024, min: 1024, max: 1024 * 1024 * 1024),
        MaxImagePixels = env.Int("MEDIA_MAX_IMAGE_PIXELS", DefaultMaxImagePixels, min: 1_000_000, max: 1_000_000_000),
    };
}
