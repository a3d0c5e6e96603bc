namespace Fedi.Core.Media;

/// <summary>A file format recognised from its first bytes: what it is, what it becomes, how it is served.</summary>
public sealed record MediaFormat(string Name, MediaType Type, string ContentType, string Extension)
{
    public bool IsImage => Type == MediaType.Image;

    public static readonly MediaFormat Jpeg = new("jpeg", MediaType.Image, "image/jpeg", "jpg");
    public static readonly MediaFormat Png = new("png", MediaType.Image, "image/png", "png");
    public static readonly MediaFormat Gif = new("gif", MediaType.Image, "image/gif", "gif");
    public static readonly MediaFormat WebP = new("webp", MediaType.Image, "image/webp", "webp");
    public static readonly MediaFormat Avif = new("avif", MediaType.Image, "image/avif", "avif");
    public static readonly MediaFormat Heic = new("heic", MediaType.Image, "image/heic", "heic");
    public static readonly MediaFormat Mp4 = new("mp4", MediaType.Video, "video/mp4", "mp4");
    public static readonly MediaFormat QuickTime = new("mov", MediaType.Video, "video/quicktime", "mov");
    public static readonly MediaFormat WebM = new("webm", MediaType.Video, "video/webm", "webm");
    public static readonly MediaFormat Mp3 = new("mp3", MediaType.Audio, "audio/mpeg", "mp3");
    public static readonly MediaFormat Ogg = new("ogg", MediaType.Audio, "audio/ogg", "ogg");
    public static readonly MediaFormat Wav = new("wav", MediaType.Audio, "audio/wav", "wav");
    public static readonly MediaFormat M4a = new("m4a", MediaType.Audio, "audio/mp4", "m4a");

    /// <summary>Every format an upload may be (the instance's supported_mime_types).</summary>
    public static IReadOnlyList<MediaFormat> All { get; } = [Jpeg, Png, Gif, WebP, Avif, Heic, Mp4, QuickTime, WebM, Mp3, Ogg, Wav, M4a];
}
