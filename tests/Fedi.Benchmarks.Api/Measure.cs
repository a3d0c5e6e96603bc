using System.Globalization;

namespace Fedi.Benchmarks.Api;

/// <summary>One measured route: who asks, what, and on which server.</summary>
public sealed record Measure(string Name, HttpClient Http, string? Token, Func<int, string> Path);

/// <summary>A measure's medians over the runs.</summary>
public sealed record MeasureResult(string Name, double RequestsPerSecond, double P50, double P99);

/// <summary>Runs each measure several times (after a warm-up) and prints the medians against the first measure, the baseline.</summary>
public static class MeasureTable
{
    public static async Task<IReadOnlyList<MeasureResult>> RunAsync(IReadOnlyList<Measure> measures, BenchOptions options)
    {
        foreach (var m in measures) await LatencyRun.RunAsync(m.Http, m.Token, m.Path, Math.Min(100, options.Requests), options.Concurrency);
        var results = new List<MeasureResult>();
        foreach (var m in measures)
        {
            var runs = new List<RunResult>();
            for (var run = 0; run < options.Repeats; run++)
                runs.Add(await LatencyRun.RunAsync(m.Http, m.Token, m.Path, options.Requests, options.Concurrency));
            var result = new MeasureResult(m.Name, LatencyRun.Median(runs.Select(r => r.RequestsPerSecond)),
                LatencyRun.Median(runs.Select(r => LatencyRun.Percentile(r.Latencies, 0.50))),
                LatencyRun.Median(runs.Select(r => LatencyRun.Percentile(r.Latencies, 0.99))));
            results.Add(result);
            Console.WriteLine($"  {m.Name}: {string.Join(" ", runs.Select(r => F(r.RequestsPerSecond)))} req/s; " +
                $"p99 {string.Join(" ", runs.Select(r => F(LatencyRun.Percentile(r.Latencies, 0.99))))} ms");
        }
        Print(results);
        return results;
    }

    private static void Print(IReadOnlyList<MeasureResult> rows)
    {
        var baseline = rows[0];
        var width = rows.Max(r => r.Name.Length);
        Console.WriteLine();
        Console.WriteLine($"| {"measure (median of runs)".PadRight(width)} | {"req/s",8} | {"p50 ms",8} | {"p99 ms",8} | {"req/s / base",12} | {"p99 / base",10} |");
        Console.WriteLine($"|-{new string('-', width)}-|---------:|---------:|---------:|-------------:|-----------:|");
        foreach (var r in rows)
            Console.WriteLine($"| {r.Name.PadRight(width)} | {F(r.RequestsPerSecond),8} | {F(r.P50),8} | {F(r.P99),8} | " +
                $"{(r.RequestsPerSecond / baseline.RequestsPerSecond).ToString("P0", CultureInfo.InvariantCulture),12} | {F(r.P99 / baseline.P99),10} |");
    }

    public static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
