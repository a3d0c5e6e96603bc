using System.Text.Json.Nodes;

namespace Fedi.Benchmarks.Streaming.Versus;

/// <summary>
/// Both servers started once, then every scenario run on each with a fresh server process per run, the servers'
/// order alternating per round (interleaved, so a busy spell of the shared machine hits both), and the table.
/// </summary>
public static class VersusRun
{
    /// <summary>Distinct users the scenarios need (user-distinct 10000), as Fedi bench users.</summary>
    private const int Users = 10_000;

    public static async Task RunAsync(VersusOptions options, CancellationToken ct = default)
    {
        var limit = Machine.RaiseFileLimit(2 * 10_000 + 1024);
        var work = Directory.CreateTempSubdirectory("fedi-versus-").FullName;
        Console.WriteLine($"Machine: {Machine.Describe()}; open-file limit {limit}; load average at start {Machine.LoadAverage()}");
        Console.WriteLine($"Work folder (results.jsonl, tokens): {work}");
        // setup.sh's own default anchor: its Node and dependency build are cached there between runs.
        await using var mastodon = new MastodonServer(options, Path.Combine(Path.GetTempPath(), "mastodon-streaming-anchor"));
        await using var fedi = new FediServer(options, work, Users);
        IServerUnderTest[] servers = [.. new IServerUnderTest[] { mastodon, fedi }.Where(s => options.Servers.Contains(s.Name.ToLowerInvariant()))];
        // Mastodon's stack is started even alone: the load tool runs on its Node 24.
        await mastodon.StartAsync(ct);
        if (servers.Contains(fedi)) await fedi.StartAsync(ct);
        var load = new LoadTool(options, work, mastodon.NodeBinary);
        await load.InstallAsync(ct);
        Console.WriteLine(mastodon.Describe());
        Console.WriteLine(fedi.Describe());

        var runs = new Dictionary<(string, string), List<RunResult>>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var scenario in options.Scenarios.Select(Scenario.Find))
            {
                foreach (var server in round % 2 == 1 ? servers : servers.Reverse())
                {
                    var target = await server.FreshProcessAsync(ct);
                    var json = await load.RunAsync(scenario, server.Name, target, ct);
                    var result = RunResult.From(json, double.Parse(Machine.LoadAverage(), System.Globalization.CultureInfo.InvariantCulture));
                    Console.WriteLine($"round {round}, {scenario.Label}, {server.Name}: {result.Summary()}");
                    if (!runs.TryGetValue((scenario.Key, server.Name), out var list)) runs[(scenario.Key, server.Name)] = list = [];
                    list.Add(result);
                }
            }
            // After every round, so a run cut short still leaves the table of the rounds it finished.
            await File.WriteAllTextAsync(Path.Combine(work, "table.md"), $"after round {round}\n" + new ComparisonTable(runs).Render(), ct);
        }

        var table = new ComparisonTable(runs);
        Console.WriteLine();
        Console.WriteLine($"Side by side, {options.Rounds} round(s), fresh process per run; load average at end {Machine.LoadAverage()}");
        Console.WriteLine(table.Render());
        Console.WriteLine(table.RenderRuns());
        await File.WriteAllTextAsync(Path.Combine(work, "table.md"), table.Render() + "\n" + table.RenderRuns(), ct);
    }
}
