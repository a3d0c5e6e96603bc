namespace Fedi.Benchmarks.Load;

/// <summary>The printed result: per request kind the count, errors, p50, p99 and p99 as a ratio to the in-run
/// baseline (health); per process the memory at the start and end of the measured window and its drift.</summary>
public static class LoadReport
{
    public static void Print(IReadOnlyCollection<MixedTraffic.Sample> samples, MemorySampler memory, double measuredFrom, LoadScene scene, TimeSpan measured)
    {
        var window = samples.Where(s => s.Measured).ToList();
        var baseline = Percentile(window.Where(s => s.Kind == "health").Select(s => s.Milliseconds).ToList(), 0.99);
        Console.WriteLine();
        Console.WriteLine("| request | count | errors | p50 ms | p99 ms | p99 / health p99 |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var kind in window.GroupBy(s => s.Kind).OrderBy(g => g.Key))
        {
            var latencies = kind.Select(s => s.Milliseconds).ToList();
            var errors = kind.Count(s => s.Status is 0 or >= 500);
            var p99 = Percentile(latencies, 0.99);
            Console.WriteLine($"| {kind.Key} | {kind.Count()} | {errors} | {Percentile(latencies, 0.5):F1} | {p99:F1} | {(baseline > 0 ? p99 / baseline : 0):F1}× |");
        }
        var all = window.Select(s => s.Milliseconds).ToList();
        var allErrors = window.Count(s => s.Status is 0 or >= 500);
        var rejected = window.Where(s => s.Status is >= 400 and < 500).GroupBy(s => s.Status).Select(g => $"{g.Key}×{g.Count()}");
        Console.WriteLine($"| all | {window.Count} | {allErrors} | {Percentile(all, 0.5):F1} | {Percentile(all, 0.99):F1} | |");
        Console.WriteLine($"4xx answers: {string.Join(", ", rejected.DefaultIfEmpty("none"))}; achieved rate {window.Count / measured.TotalSeconds:F1}/s");
        Console.WriteLine($"Streaming: {scene.OpenStreams} sockets open at the end, {scene.StreamEvents} events received");
        Console.WriteLine();
        Console.WriteLine("| process | RSS at start of window MiB | RSS at end MiB | drift MiB/min |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var (name, points) in memory.Samples)
        {
            var inWindow = points.Where(p => p.Seconds >= measuredFrom).ToList();
            if (inWindow.Count == 0) continue;
            Console.WriteLine($"| {name} | {inWindow[0].Bytes / 1048576.0:F0} | {inWindow[^1].Bytes / 1048576.0:F0} | {MemorySampler.SlopeMiBPerMinute(points, measuredFrom):+0.0;-0.0} |");
        }
        Console.WriteLine($"ERRORS {allErrors}");
    }

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0) return 0;
        values.Sort();
        return values[(int)Math.Min(values.Count - 1, Math.Ceiling(p * values.Count) - 1)];
    }
}
