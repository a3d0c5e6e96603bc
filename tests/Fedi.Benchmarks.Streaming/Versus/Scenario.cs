namespace Fedi.Benchmarks.Streaming.Versus;

/// <summary>
/// One load-tool run, identical for both servers (issue 14's scenarios). Every run gets a fresh server process,
/// so the first seconds of a process are part of every connect rate.
/// </summary>
public sealed record Scenario(string Key, string Label, int Connections, string Stream, int Messages, double Rate, int Concurrency, int DistinctTokens)
{
    public static readonly IReadOnlyList<Scenario> All =
    [
        new("public-10000", "public 10000", 10_000, "public", 10, 0.2, 100, 2_000),
        new("user-1000", "user-distinct 1000", 1_000, "user", 10, 1, 100, 1_000),
        new("user-10000", "user-distinct 10000", 10_000, "user", 10, 1, 100, 10_000),
        // A restarted process: every client reconnects at once, 500 handshakes in flight.
        new("storm-10000", "reconnect storm 10000", 10_000, "public", 1, 1, 500, 2_000),
    ];

    public static Scenario Find(string key) =>
        All.FirstOrDefault(s => s.Key == key) ?? throw new ArgumentException($"unknown scenario {key}; known: {string.Join(", ", All.Select(s => s.Key))}");

    public bool PerUser => Stream == "user";

    /// <summary>loadgen.mjs arguments beyond the server's own (url, tokens, Redis port, pid, channel).</summary>
    public IEnumerable<string> LoadArguments() =>
    [
        "--connections", Connections.ToString(), "--stream", Stream, "--messages", Messages.ToString(),
        "--rate", Rate.ToString(System.Globalization.CultureInfo.InvariantCulture), "--concurrency", Concurrency.ToString(),
        "--tokens-used", DistinctTokens.ToString(),
    ];
}
