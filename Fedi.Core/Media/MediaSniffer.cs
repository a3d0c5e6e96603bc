using System.Text;

namespace Fedi.Core.Media;

/// <summary>
/// The format of an upload from its magic bytes, never from its name or declared type: a text file called
/// photo.png is no image. Only formats the processors can read are recognised.
/// </summary>
public static class MediaSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> looks at.</summary>
    public const int HeaderLength = 64;

    public static MediaFormat? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return MediaFormat.Jpeg;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return MediaFormat.Png;
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return MediaFormat.Gif;
        if (head.Length >= 12 && head.StartsWith("RIFF"u8))
        {
            if (head[8..12].SequenceEqual("WEBP"u8)) return MediaFormat.WebP;
            if (head[8..12].SequenceEqual("WAVE"u8)) return MediaFormat.Wav;
        }
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8)) return IsoBrand(Encoding.ASCII.GetString(head[8..12]));
        if (head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3])) return MediaFormat.WebM;
        if (head.StartsWith("OggS"u8)) return MediaFormat.Ogg;
        if (head.StartsWith("ID3"u8) || (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0)) return MediaFormat.Mp3;
        return null;
    }

    /// <summary>ISO base media files (MP4, MOV, HEIF, AVIF) say what they are in their ftyp box's major brand.</summary>
    private static MediaFormat? IsoBrand(string brand) => brand switch
    {
        "avif" or "avis" => MediaFormat.Avif,
        "heic" or "heix" or "heim" or "heis" or "mif1" or "msf1" => MediaFormat.Heic,
        "qt  " => MediaFormat.QuickTime,
        "M4A " or "M4B " => MediaFormat.M4a,
        "isom" or "iso2" or "iso4" or "iso5" or "iso6" or "mp41" or "mp42" or "avc1" or "M4V " or "dash" or "3gp4" or "3gp5" or "MSNV" => MediaFormat.Mp4,
        _ => null,
    };
}
