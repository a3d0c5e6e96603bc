using System.Text.Json.Nodes;

namespace Fedi.Benchmarks.Streaming.Versus;

/// <summary>
/// The shared protocol-only load tool (<c>streaming-load/loadgen.mjs</c>), copied into the work folder so its one
/// dependency (<c>ws</c>) can be installed there (the shared folder is read-only), and run once per measurement.
/// </summary>
public sealed class LoadTool(VersusOptions options, string workDirectory, string node)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);
    private string Folder => Path.Combine(workDirectory, "streaming-load");
    private string Results => Path.Combine(workDirectory, "results.jsonl");

    public async Task InstallAsync(CancellationToken ct)
    {
        var source = Path.Combine(options.SharedBench, "streaming-load");
        Directory.CreateDirectory(Folder);
        foreach (var file in Directory.EnumerateFiles(source).Where(f => f.EndsWith(".mjs", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)))
            File.Copy(file, Path.Combine(Folder, Path.GetFileName(file)), overwrite: true);
        var exit = await ExternalCommand.RunAsync("npm ci", "npm", ["ci", "--silent", "--prefix", Folder], null, TimeSpan.FromMinutes(3), ct);
        if (exit != 0) throw new InvalidOperationException($"npm ci in {Folder} exited with {exit}");
    }

    /// <summary>One loadgen run; returns its JSON result (also appended to results.jsonl in the work folder).</summary>
    public async Task<JsonNode> RunAsync(Scenario scenario, string server, ServerTarget target, CancellationToken ct)
    {
        var channel = target.ChannelPrefix + (scenario.PerUser ? "timeline:{account_id}" : $"timeline:{scenario.Stream}");
        var label = $"{server} {scenario.Label}";
        string[] arguments =
        [
            Path.Combine(Folder, "loadgen.mjs"), "--url", target.Url, "--tokens", target.TokensFile,
            "--redis-port", target.RedisPort.ToString(), "--server-pid", target.Pid.ToString(), "--channel", channel,
            "--label", label, "--json", Results, "--max-seconds", "300", .. scenario.LoadArguments(),
        ];
        var before = File.Exists(Results) ? File.ReadAllLines(Results).Length : 0;
        var exit = await ExternalCommand.RunAsync(label, node, arguments, null, RunTimeout, ct, echoStdout: false);
        var lines = File.Exists(Results) ? File.ReadAllLines(Results) : [];
        if (exit != 0 || lines.Length <= before) throw new InvalidOperationException($"loadgen for {label} exited with {exit} and no result");
        return JsonNode.Parse(lines[^1])!;
    }
}
