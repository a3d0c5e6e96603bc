using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Fedi.Testing;
using NetVips;

namespace Fedi.Web.Tests.Media;

/// <summary>Small media files made in the test with libvips, and uploads of them through the API.</summary>
public static class MediaFixtures
{
    public static byte[] Png(int width, int height) => Solid(width, height).WriteToBuffer(".png");

    /// <summary>A JPEG with EXIF that says "rotate 90° clockwise" (orientation 6) and names its camera.</summary>
    public static byte[] JpegWithExif(int width, int height)
    {
        using var image = Solid(width, height).Mutate(m =>
        {
            m.Set(GValue.GIntType, "orientation", 6);
            m.Set(GValue.GStrType, "exif-ifd0-Make", "SecretCam");
        });
        return image.WriteToBuffer(".jpg");
    }

    /// <summary>An animated GIF of <paramref name="frames"/> frames in different colours.</summary>
    public static byte[] AnimatedGif(int width, int height, int frames)
    {
        var pages = Enumerable.Range(0, frames).Select(i => Image.Black(width, height, bands: 3) + new double[] { 40 * i, 255 - 40 * i, 90 }).ToArray();
        using var strip = Image.Arrayjoin(pages, across: 1).Cast(Enums.BandFormat.Uchar);
        using var animated = strip.Mutate(m =>
        {
            m.Set(GValue.GIntType, "page-height", height);
            m.Set(GValue.ArrayIntType, "delay", Enumerable.Repeat(100, frames).ToArray());
        });
        return animated.WriteToBuffer(".gif");
    }

    /// <summary>A clip made by ffmpeg from its test sources (lavfi): <paramref name="arguments"/> name the inputs and output options.</summary>
    public static async Task<byte[]> FfmpegFileAsync(string extension, params string[] arguments)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fedi-test-{Guid.NewGuid():N}.{extension}");
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
            foreach (var argument in (string[])["-nostdin", "-v", "error", "-y", .. arguments, path]) start.ArgumentList.Add(argument);
            using var process = System.Diagnostics.Process.Start(start)!;
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.That(process.ExitCode, Is.Zero, errors);
            return await File.ReadAllBytesAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A valid PNG header declaring <paramref name="width"/>x<paramref name="height"/>, with no pixels behind it.</summary>
    public static byte[] DeclaredHugePng(int width, int height)
    {
        var ihdr = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // truecolour
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    public static async Task<ApiResponse> UploadAsync(TestUser user, byte[] file, string fileName = "file.png", string contentType = "image/png",
        int version = 2, string? description = null, string? focus = null, string path = "")
    {
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(part, "file", fileName);
        if (description is not null) content.Add(new StringContent(description), "description");
        if (focus is not null) content.Add(new StringContent(focus), "focus");
        return await user.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, user.Client.BaseUrl + (path.Length > 0 ? path : $"/api/v{version}/media")) { Content = content });
    }

    /// <summary>Uploads and waits until processed; the attachment as GET /api/v1/media/:id shows it.</summary>
    public static async Task<JsonNode> UploadProcessedAsync(TestUser user, byte[] file, string fileName = "file.png", string contentType = "image/png")
    {
        var uploaded = (await UploadAsync(user, file, fileName, contentType)).EnsureSuccess().RequireJson();
        var id = uploaded["id"]!.GetValue<string>();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var shown = await user.Client.GetAsync($"/api/v1/media/{id}");
            if (shown.Status == 200) return shown.RequireJson();
            if (shown.Status != 206) Assert.Fail($"processing failed: {shown}");
            await Task.Delay(100);
        }
        throw new TimeoutException($"media {id} was not processed in 30 s");
    }

    /// <summary>The stored files of an instance (its MEDIA_ROOT), to show what an upload left behind.</summary>
    public static IReadOnlyList<string> StoredFiles(FediCluster cluster)
    {
        var root = cluster.Environment["MEDIA_ROOT"];
        return Directory.Exists(root) ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToList() : [];
    }

    public static async Task<(byte[] Body, HttpResponseMessage Response)> DownloadAsync(string url)
    {
        using var http = new HttpClient();
        var response = await http.GetAsync(url);
        return (await response.Content.ReadAsByteArrayAsync(), response);
    }

    private static Image Solid(int width, int height) =>
        (Image.Black(width, height, bands: 3) + new double[] { 200, 120, 40 }).Cast(Enums.BandFormat.Uchar);

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var header = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, data.Length);
        System.Text.Encoding.ASCII.GetBytes(type, header.AsSpan(4));
        png.Write(header);
        png.Write(data);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32([.. header.AsSpan(4).ToArray(), .. data]));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
