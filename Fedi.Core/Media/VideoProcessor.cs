using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fedi.Core.Media;

/// <summary>
/// Video, animated GIFs and audio through ffmpeg, as Mastodon's transcoders: H.264/AAC MP4 within 1920x1080 at
/// 60 fps at most, metadata dropped, the first frame as the preview; a GIF becomes a silent MP4 (gifv); audio
/// becomes MP3. Duration and frame rate go into meta.
/// </summary>
public static class VideoProcessor
{
    public static async Task<ProcessedFiles> ProcessAsync(string input, MediaFormat format, MediaType type, string workDir, CancellationToken ct)
    {
        if (!Ffmpeg.Available) throw new MediaRejectedException("File could not be processed (no ffmpeg on this server)");
        if (type == MediaType.Audio) return await AudioAsync(input, workDir, ct);

        var output = Path.Combine(workDir, "original.mp4");
        List<string> arguments = ["-i", input, "-map", "0:v:0", "-map_metadata", "-1", "-c:v", "libx264", "-preset", "veryfast",
            "-pix_fmt", "yuv420p", "-fpsmax", "60", "-movflags", "+faststart",
            "-vf", "scale='min(1920,iw)':'min(1080,ih)':force_original_aspect_ratio=decrease:force_divisible_by=2"];
        arguments.AddRange(type == MediaType.Gifv ? ["-an", "-crf", "26"] : ["-map", "0:a:0?", "-c:a", "aac", "-b:a", "192k", "-crf", "23"]);
        arguments.Add(output);
        await Ffmpeg.RunAsync(arguments, ct);

        var frame = Path.Combine(workDir, "frame.png");
        await Ffmpeg.RunAsync(["-i", output, "-frames:v", "1", frame], ct);
        var small = Path.Combine(workDir, "small.jpg");
        ImageProcessor.Resize(frame, small, 640, 640, crop: false);

        var probe = await Ffmpeg.ProbeAsync(output, ct);
        var video = Stream(probe, "video") ?? throw new MediaRejectedException("File has no video stream");
        var width = video.GetProperty("width").GetInt32();
        var height = video.GetProperty("height").GetInt32();
        var frameRate = video.TryGetProperty("avg_frame_rate", out var rate) ? rate.GetString() ?? "0/1" : "0/1";
        var duration = Duration(probe);
        using var preview = NetVips.Image.NewFromFile(small);
        var meta = new JsonObject
        {
            ["length"] = TimeSpan.FromSeconds(duration).ToString(@"h\:mm\:ss\.ff", CultureInfo.InvariantCulture),
            ["duration"] = duration,
            ["fps"] = (int)Math.Round(Fps(frameRate)),
            ["original"] = new JsonObject { ["width"] = width, ["height"] = height, ["frame_rate"] = frameRate, ["duration"] = duration },
            ["small"] = MediaMeta.Dimensions(preview.Width, preview.Height),
        };
        foreach (var (key, value) in MediaMeta.Dimensions(width, height)) meta[key] = value?.DeepClone();
        return new ProcessedFiles(type, output, MediaFormat.Mp4, small, ImageProcessor.BlurhashOf(small), meta.ToJsonString());
    }

    private static async Task<ProcessedFiles> AudioAsync(string input, string workDir, CancellationToken ct)
    {
        var output = Path.Combine(workDir, "original.mp3");
        await Ffmpeg.RunAsync(["-i", input, "-vn", "-map_metadata", "-1", "-c:a", "libmp3lame", "-q:a", "2", output], ct);
        var probe = await Ffmpeg.ProbeAsync(output, ct);
        var duration = Duration(probe);
        var meta = new JsonObject
        {
            ["length"] = TimeSpan.FromSeconds(duration).ToString(@"h\:mm\:ss\.ff", CultureInfo.InvariantCulture),
            ["duration"] = duration,
            ["original"] = new JsonObject { ["duration"] = duration },
        };
        return new ProcessedFiles(MediaType.Audio, output, MediaFormat.Mp3, null, null, meta.ToJsonString());
    }

    private static JsonElement? Stream(JsonElement probe, string codecType) =>
        probe.TryGetProperty("streams", out var streams)
            ? streams.EnumerateArray().Cast<JsonElement?>().FirstOrDefault(s => s!.Value.TryGetProperty("codec_type", out var t) && t.GetString() == codecType)
            : null;

    private static double Duration(JsonElement probe) =>
        probe.TryGetProperty("format", out var format) && format.TryGetProperty("duration", out var d)
        && double.TryParse(d.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? Math.Round(seconds, 2) : 0;

    private static double Fps(string rate)
    {
        var parts = rate.Split('/');
        return parts.Length == 2 && double.TryParse(parts[0], CultureInfo.InvariantCulture, out var n)
            && double.TryParse(parts[1], CultureInfo.InvariantCulture, out var d) && d > 0 ? n / d : 0;
    }
}
