namespace Fedi.Benchmarks.Api;

/// <summary>--statuses N (seeded), --requests N (per measure and run), --concurrency N, --repeats N.</summary>
public sealed record BenchOptions(int Statuses, int Requests, int Concurrency, int Repeats)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(1_000_000, 400, 8, 3);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--statuses" => options with { Statuses = value },
                "--requests" => options with { Requests = value },
                "--concurrency" => options with { Concurrency = value },
                "--repeats" => options with { Repeats = value },
                _ => throw new ArgumentException($"unknown option {args[i]} (known: --statuses --requests --concurrency --repeats)"),
            };
        }
        return options;
    }
}
