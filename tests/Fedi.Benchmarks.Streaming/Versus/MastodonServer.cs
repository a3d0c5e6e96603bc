namespace Fedi.Benchmarks.Streaming.Versus;

/// <summary>
/// Mastodon's unmodified streaming server through the shared <c>mastodon-streaming/setup.sh</c>: its own PostgreSQL
/// and Redis, started once; <c>setup.sh restart</c> gives each run a fresh Node process. Mastodon's code stays in
/// the script's build folder (outside the repository).
/// </summary>
public sealed class MastodonServer(VersusOptions options, string anchorBase) : IServerUnderTest
{
    private static readonly TimeSpan SetupTimeout = TimeSpan.FromMinutes(5);
    private Dictionary<string, string> _env = new();

    public string Name => "Mastodon";

    private string Script => Path.Combine(options.SharedBench, "mastodon-streaming", "setup.sh");

    /// <summary>The Node binary setup.sh installed (Node 24); the load tool runs on it too.</summary>
    public string NodeBinary => _env.GetValueOrDefault("NODE_BIN", "node");

    public async Task StartAsync(CancellationToken ct)
    {
        if (options.MastodonSource is null)
            throw new ArgumentException("Mastodon's code: pass --mastodon-src <git dir of `fetch github:mjankowski/mastodon`> or set MASTODON_SRC");
        await SetupAsync(["start", options.MastodonSource], ct);
    }

    public async Task<ServerTarget> FreshProcessAsync(CancellationToken ct)
    {
        await SetupAsync(["restart"], ct);
        return new ServerTarget(_env["STREAMING_URL"], _env["TOKENS"], int.Parse(_env["REDIS_PORT"]), int.Parse(_env["STREAMING_PID"]), "");
    }

    public string Describe() =>
        $"Mastodon streaming at commit {_env.GetValueOrDefault("MASTODON_COMMIT", "?")}, Node {NodeBinary} ({anchorBase}/run/versions.txt)";

    public async ValueTask DisposeAsync()
    {
        try
        {
            await SetupAsync(["stop"], CancellationToken.None);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            Console.Error.WriteLine($"setup.sh stop: {e.Message}");
        }
    }

    private async Task SetupAsync(string[] arguments, CancellationToken ct)
    {
        var environment = new Dictionary<string, string> { ["ANCHOR_BASE"] = anchorBase };
        var exit = await ExternalCommand.RunAsync("mastodon setup", "bash", [Script, .. arguments], environment, SetupTimeout, ct);
        if (exit != 0) throw new InvalidOperationException($"setup.sh {string.Join(' ', arguments)} exited with {exit}");
        var file = Path.Combine(anchorBase, "run", "env");
        if (File.Exists(file))
            _env = File.ReadAllLines(file).Where(l => l.Contains('=')).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1].Trim('"', '\''));
    }
}
