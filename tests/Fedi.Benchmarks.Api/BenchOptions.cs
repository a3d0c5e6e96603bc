namespace Fedi.Benchmarks.Api;

/// <summary>--scenario reading|search|all, --statuses N (seeded for search), --requests N (per measure and run), --concurrency N, --repeats N.</summary>
public sealed record BenchOptions(string Scenario, int Statuses, int Requests, int Concurrency, int Repeats)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions("all", 1_000_000, 400, 8, 3);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--scenario" when args[i + 1] is "reading" or "search" or "all" => options with { Scenario = args[i + 1] },
                "--statuses" => options with { Statuses = Number(args[i + 1]) },
                "--requests" => options with { Requests = Number(args[i + 1]) },
                "--concurrency" => options with { Concurrency = Number(args[i + 1]) },
                "--repeats" => options with { Repeats = Number(args[i + 1]) },
                _ => throw new ArgumentException($"unknown option {args[i]} {args[i + 1]} (known: --scenario reading|search|all --statuses --requests --concurrency --repeats)"),
            };
        }
        return options;
    }

    private static int Number(string value) => int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
