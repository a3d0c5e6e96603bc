using System.Globalization;

namespace Fedi.Benchmarks.Jobs;

/// <summary>Command line: <c>[--jobs N] [--quick] [--followers 10000,100000] [--only enqueue,drain,fanout] [--engines fedi,sidekiq]
/// [--kinds noop,feed-insert] [--concurrency 10,25]</c>.</summary>
public sealed record BenchOptions(int Jobs, int Repeats, IReadOnlyList<int> Followers, IReadOnlyList<int> Concurrencies, IReadOnlySet<string> Parts,
    IReadOnlySet<string> Engines, IReadOnlyList<string> Kinds)
{
    public static BenchOptions Parse(string[] args)
    {
        var jobs = 100_000;
        var repeats = 3;
        IReadOnlyList<int> followers = [10_000, 100_000];
        IReadOnlySet<string> parts = new HashSet<string> { "enqueue", "drain", "fanout" };
        IReadOnlySet<string> engines = new HashSet<string> { "fedi", "sidekiq" };
        IReadOnlyList<string> kinds = [BenchJobs.Noop, BenchJobs.FeedInsert];
        IReadOnlyList<int> concurrencies = [10, 25];
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--jobs": jobs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--quick": repeats = 1; break;
                case "--followers": followers = Numbers(args[++i]); break;
                case "--only": parts = args[++i].Split(',').ToHashSet(); break;
                // While working on one engine: measure only it (the Sidekiq columns then stay empty).
                case "--engines": engines = args[++i].Split(',').ToHashSet(); break;
                case "--kinds": kinds = args[++i].Split(','); break;
                case "--concurrency": concurrencies = Numbers(args[++i]); break;
                default: throw new ArgumentException($"unknown option {args[i]}; expected --jobs N, --quick, --followers a,b, --only enqueue,drain,fanout, --engines fedi,sidekiq, --kinds noop,feed-insert, --concurrency 10,25");
            }
        }
        return new BenchOptions(jobs, repeats, followers, concurrencies, parts, engines, kinds);
    }

    private static int[] Numbers(string list) => list.Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();
}
