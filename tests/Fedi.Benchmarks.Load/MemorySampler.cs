namespace Fedi.Benchmarks.Load;

/// <summary>Resident memory of each Fedi process every few seconds, for the drift over the measured window.</summary>
public sealed class MemorySampler(IReadOnlyDictionary<string, int> processes)
{
    private readonly Dictionary<string, List<(double Seconds, long Bytes)>> _samples = processes.Keys.ToDictionary(k => k, _ => new List<(double, long)>());

    public IReadOnlyDictionary<string, List<(double Seconds, long Bytes)>> Samples => _samples;

    public async Task RunAsync(TimeSpan every, CancellationToken stop)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!stop.IsCancellationRequested)
        {
            foreach (var (name, pid) in processes) _samples[name].Add((clock.Elapsed.TotalSeconds, RssBytes(pid)));
            try
            {
                await Task.Delay(every, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Least-squares slope of RSS over the samples after <paramref name="fromSeconds"/>, in MiB per minute.</summary>
    public static double SlopeMiBPerMinute(IReadOnlyList<(double Seconds, long Bytes)> samples, double fromSeconds)
    {
        var points = samples.Where(s => s.Seconds >= fromSeconds).ToList();
        if (points.Count < 2) return 0;
        var meanX = points.Average(p => p.Seconds);
        var meanY = points.Average(p => (double)p.Bytes);
        var slope = points.Sum(p => (p.Seconds - meanX) * (p.Bytes - meanY)) / points.Sum(p => Math.Pow(p.Seconds - meanX, 2));
        return slope * 60 / (1024 * 1024);
    }

    private static long RssBytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
