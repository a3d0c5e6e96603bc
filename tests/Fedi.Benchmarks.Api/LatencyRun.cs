using System.Diagnostics;
using System.Net.Http.Headers;

namespace Fedi.Benchmarks.Api;

/// <summary>What one run measured: each request's latency in ms, and the run's wall time.</summary>
public sealed record RunResult(double[] Latencies, TimeSpan Elapsed)
{
    public double RequestsPerSecond => Latencies.Length / Elapsed.TotalSeconds;
}

/// <summary>Sends a bounded number of GETs at a fixed concurrency to one local server, closed-loop.</summary>
public static class LatencyRun
{
    public static async Task<RunResult> RunAsync(HttpClient http, string? token, Func<int, string> path, int requests, int concurrency)
    {
        var latencies = new double[requests];
        var next = -1;
        var failures = 0;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path(i));
                if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var clock = Stopwatch.StartNew();
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                latencies[i] = clock.Elapsed.TotalMilliseconds;
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failures);
            }
        }));
        if (failures > 0) throw new InvalidOperationException($"{failures} of {requests} requests to {path(0)} failed");
        return new RunResult(latencies, wall.Elapsed);
    }

    public static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
