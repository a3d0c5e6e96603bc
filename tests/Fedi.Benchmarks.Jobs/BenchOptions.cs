using System.Globalization;

namespace Fedi.Benchmarks.Jobs;

/// <summary>Command line: <c>[--jobs N] [--quick] [--followers 10000,100000] [--only enqueue,drain,fanout]</c>.</summary>
public sealed record BenchOptions(int Jobs, int Repeats, IReadOnlyList<int> Followers, IReadOnlyList<int> Concurrencies, IReadOnlySet<string> Parts)
{
    public static BenchOptions Parse(string[] args)
    {
        var jobs = 100_000;
        var repeats = 3;
        IReadOnlyList<int> followers = [10_000, 100_000];
        IReadOnlySet<string> parts = new HashSet<string> { "enqueue", "drain", "fanout" };
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--jobs": jobs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--quick": repeats = 1; break;
                case "--followers": followers = Numbers(args[++i]); break;
                case "--only": parts = args[++i].Split(',').ToHashSet(); break;
                default: throw new ArgumentException($"unknown option {args[i]}; expected --jobs N, --quick, --followers a,b, --only enqueue,drain,fanout");
            }
        }
        return new BenchOptions(jobs, repeats, followers, [10, 25], parts);
    }

    private static int[] Numbers(string list) => list.Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();
}
