using System.Text.Json.Nodes;
using Fedi.Core.Configuration;
using NetVips;

namespace Fedi.Core.Media;

/// <summary>
/// Still images through libvips, as Mastodon's image styles: orientation applied, metadata (EXIF, GPS, XMP)
/// stripped with only the colour profile kept, originals downscaled to the matrix limit, a 640x640 small
/// preview, and the blurhash of that preview. Truncated or corrupt pixels fail the whole image.
/// </summary>
public static class ImageProcessor
{
    private const int SmallSide = 640;

    /// <summary>Writes the processed original and small files into <paramref name="workDir"/>.</summary>
    public static ProcessedFiles Process(string input, MediaFormat format, ImageProbe probe, string workDir)
    {
        var output = OutputFormat(format);
        var originalPath = Path.Combine(workDir, $"original.{output.Extension}");
        var smallPath = Path.Combine(workDir, $"small.{output.Extension}");
        try
        {
            var side = LongSide(probe.Width, probe.Height);
            // Thumbnail applies the EXIF orientation and, for JPEG, shrinks while decoding.
            using (var original = Image.Thumbnail(input, side, height: side, size: Enums.Size.Down, failOn: Enums.FailOn.Error))
                Save(original, originalPath, output);
            using (var small = Image.Thumbnail(originalPath, SmallSide, height: SmallSide, size: Enums.Size.Down))
                Save(small, smallPath, output);

            using var stored = Image.NewFromFile(originalPath);
            using var preview = Image.NewFromFile(smallPath);
            var meta = new JsonObject
            {
                ["original"] = MediaMeta.Dimensions(stored.Width, stored.Height),
                ["small"] = MediaMeta.Dimensions(preview.Width, preview.Height),
            };
            return new ProcessedFiles(MediaType.Image, originalPath, output, smallPath, BlurhashOf(smallPath), meta.ToJsonString());
        }
        catch (VipsException)
        {
            throw new MediaRejectedException("File could not be processed");
        }
    }

    /// <summary>An image resized to fit <paramref name="width"/>x<paramref name="height"/> (cropped to fill when asked),
    /// first frame only, metadata stripped: avatars and headers.</summary>
    public static void Resize(string input, string output, int width, int height, bool crop)
    {
        try
        {
            using var image = Image.Thumbnail(input, width, height: height, size: Enums.Size.Down,
                crop: crop ? Enums.Interesting.Centre : null, failOn: Enums.FailOn.Error);
            Save(image, output, Path.GetExtension(output) switch { ".png" => MediaFormat.Png, ".gif" => MediaFormat.Gif, _ => MediaFormat.Jpeg });
        }
        catch (VipsException)
        {
            throw new MediaRejectedException("File could not be processed");
        }
    }

    /// <summary>The blurhash of an image file, computed on a 32-pixel rendering (the hash keeps 4x3 components only).</summary>
    public static string BlurhashOf(string path)
    {
        using var tiny = Image.Thumbnail(path, 32, height: 32);
        using var srgb = tiny.Colourspace(Enums.Interpretation.Srgb);
        using var opaque = srgb.HasAlpha() ? srgb.Flatten(background: [255, 255, 255]) : srgb.Copy();
        using var bytes = opaque.Cast(Enums.BandFormat.Uchar);
        using var rgb = bytes.Bands > 3 ? bytes.ExtractBand(0, n: 3) : bytes.Copy();
        return Blurhash.Encode(rgb.WriteToMemory<byte>(), rgb.Width, rgb.Height);
    }

    /// <summary>The longest side that keeps the image within <see cref="MediaOptions.MatrixLimit"/> pixels.</summary>
    public static int LongSide(int width, int height)
    {
        var pixels = (double)width * height;
        var scale = pixels > MediaOptions.MatrixLimit ? Math.Sqrt(MediaOptions.MatrixLimit / pixels) : 1.0;
        return Math.Max(1, (int)Math.Floor(Math.Max(width, height) * scale));
    }

    /// <summary>Web formats stay as they are; a still GIF becomes PNG, HEIC and AVIF become JPEG (what every browser shows).</summary>
    private static MediaFormat OutputFormat(MediaFormat format) =>
        format == MediaFormat.Png || format == MediaFormat.Gif ? MediaFormat.Png
        : format == MediaFormat.WebP ? MediaFormat.WebP
        : MediaFormat.Jpeg;

    private static void Save(Image image, string path, MediaFormat format)
    {
        var options = new VOption { { "keep", Enums.ForeignKeep.Icc } };
        if (format == MediaFormat.Jpeg || format == MediaFormat.WebP) options.Add("Q", 85);
        image.WriteToFile(path, options);
    }
}
