using Fedi.Core.Configuration;
using NetVips;

namespace Fedi.Core.Media;

/// <summary>An image's size as its header declares it, read without decoding a pixel.</summary>
public sealed record ImageProbe(int Width, int Height, int Pages)
{
    public bool IsAnimated => Pages > 1;

    /// <summary>Reads the header; refuses what libvips cannot read and what declares more than the pixel limit,
    /// so a decompression bomb (a PNG declaring 50000x50000) is refused before its canvas is allocated.</summary>
    public static ImageProbe Read(string path, MediaOptions options)
    {
        ImageProbe probe;
        try
        {
            // Sequential access: libvips reads the header now and pixels only when asked.
            using var image = Image.NewFromFile(path, access: Enums.Access.Sequential);
            var pages = image.Contains("n-pages") ? Convert.ToInt32(image.Get("n-pages")) : 1;
            probe = new ImageProbe(image.Width, image.Height, Math.Max(pages, 1));
        }
        catch (VipsException)
        {
            throw new MediaRejectedException("File could not be processed");
        }
        if (probe.Width <= 0 || probe.Height <= 0 || (long)probe.Width * probe.Height > options.MaxImagePixels)
            throw new MediaRejectedException($"File dimensions {probe.Width}x{probe.Height} exceed the limit of {options.MaxImagePixels} pixels");
        return probe;
    }
}
