using System.Diagnostics;
using System.Text.Json;

namespace Fedi.Core.Media;

/// <summary>
/// ffmpeg and ffprobe (Debian's package) run as child processes with arguments passed one by one (no shell),
/// bounded in time. Called directly rather than through a wrapper library: three fixed command lines are all we need.
/// </summary>
public static class Ffmpeg
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>Whether ffmpeg is installed (animated GIFs, video and audio need it).</summary>
    public static bool Available { get; } = Exists("ffmpeg") && Exists("ffprobe");

    /// <summary>Streams and format of a media file as ffprobe reports them.</summary>
    public static async Task<JsonElement> ProbeAsync(string path, CancellationToken ct)
    {
        var json = await RunAsync("ffprobe", ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", path], ct);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>Runs ffmpeg; a failure means the input is not something it can convert.</summary>
    public static Task RunAsync(IEnumerable<string> arguments, CancellationToken ct) =>
        RunAsync("ffmpeg", ["-nostdin", "-y", "-v", "error", .. arguments], ct);

    private static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new MediaRejectedException("File could not be processed");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0)
            throw new MediaRejectedException($"File could not be processed ({program}: {Truncate(await errors)})");
        return await output;
    }

    private static string Truncate(string text) => text.Length > 200 ? text[..200] : text.Trim();

    private static bool Exists(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, program)));
}
