using System.Collections.Concurrent;
using System.Diagnostics;

namespace Fedi.Benchmarks.Load;

/// <summary>
/// Open-loop load: requests start on a fixed schedule (<c>rate</c> per second) whether or not earlier ones have
/// answered, so a slow server shows as growing latency and errors rather than as a quietly lower rate, and the
/// latency of each is measured from its scheduled start (no coordinated omission).
/// </summary>
public sealed class MixedTraffic(LoadScene scene, IReadOnlyList<RequestKind> mix, double rate)
{
    /// <summary>One finished request: its kind, HTTP status (0 = no answer), latency, and whether it was in the measured window.</summary>
    public sealed record Sample(string Kind, int Status, double Milliseconds, bool Measured);

    private readonly ConcurrentBag<Sample> _samples = [];
    public IReadOnlyCollection<Sample> Samples => _samples;

    public async Task RunAsync(TimeSpan warmup, TimeSpan measured)
    {
        var random = new Random(42);
        var total = mix.Sum(k => k.Weight);
        var inFlight = new List<Task>();
        var clock = Stopwatch.StartNew();
        var end = warmup + measured;
        for (long n = 0; ; n++)
        {
            var due = TimeSpan.FromSeconds(n / rate);
            if (due >= end) break;
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            var kind = Pick(random.NextDouble() * total);
            inFlight.Add(SendAsync(kind, new Random(random.Next()), clock, due, due >= warmup));
            if (inFlight.Count > 5000) inFlight.RemoveAll(t => t.IsCompleted);
        }
        await Task.WhenAll(inFlight);
    }

    private RequestKind Pick(double point)
    {
        foreach (var kind in mix)
        {
            if (point < kind.Weight) return kind;
            point -= kind.Weight;
        }
        return mix[^1];
    }

    private async Task SendAsync(RequestKind kind, Random random, Stopwatch clock, TimeSpan due, bool measured)
    {
        int status;
        try
        {
            status = await kind.Send(scene, random).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or TaskCanceledException)
        {
            status = 0;
        }
        _samples.Add(new Sample(kind.Name, status, (clock.Elapsed - due).TotalMilliseconds, measured));
    }
}
