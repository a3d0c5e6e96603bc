using Fedi.Testing;

namespace Fedi.Benchmarks.Streaming.Versus;

/// <summary>
/// <c>versus-mastodon [--rounds 3] [--scenarios public-10000,user-1000,user-10000,storm-10000] [--mastodon-src DIR]
/// [--shared-bench DIR] [--servers mastodon,fedi] [--env NAME=VALUE]…</c>: the side-by-side mode (README.md "Side by side with Mastodon");
/// <c>--servers fedi</c> runs one side only, for trying settings.
/// </summary>
public sealed record VersusOptions(int Rounds, IReadOnlyList<string> Scenarios, string? MastodonSource, string SharedBench, IReadOnlyDictionary<string, string> Environment, IReadOnlyList<string> Servers)
{
    public const string Command = "versus-mastodon";

    public static VersusOptions Parse(string[] args)
    {
        var rounds = 3;
        IReadOnlyList<string> scenarios = Scenario.All.Select(s => s.Key).ToList();
        var source = System.Environment.GetEnvironmentVariable("MASTODON_SRC");
        // CI and this machine keep the shared tools next to the repository's checkout.
        var shared = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "bench"));
        var environment = new Dictionary<string, string>();
        IReadOnlyList<string> servers = ["mastodon", "fedi"];
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--rounds": rounds = int.Parse(value); break;
                case "--scenarios": scenarios = value.Split(','); break;
                case "--mastodon-src": source = value; break;
                case "--shared-bench": shared = Path.GetFullPath(value); break;
                case "--servers": servers = value.Split(','); break;
                case "--env": environment[value.Split('=', 2)[0]] = value.Split('=', 2)[1]; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        return new VersusOptions(rounds, scenarios, source, shared, environment, servers);
    }
}
