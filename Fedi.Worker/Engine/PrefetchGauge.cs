using System.Diagnostics;

namespace Fedi.Worker.Engine;

/// <summary>
/// How many jobs to fetch ahead: as many as the executors start within the horizon at the rate measured
/// over the last tens of milliseconds, between a floor and a ceiling. Used by the fetch loop only.
/// </summary>
public sealed class PrefetchGauge
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(20);

    private readonly int _floor;
    private readonly int _ceiling;
    private readonly double _horizonSeconds;
    private long _windowStart = Stopwatch.GetTimestamp();
    private long _startedAtWindow;
    private int _jobs;

    public PrefetchGauge(int floor, int ceiling, TimeSpan horizon)
    {
        _floor = floor;
        _ceiling = Math.Max(floor, ceiling);
        _horizonSeconds = horizon.TotalSeconds;
        _jobs = floor;
    }

    /// <param name="started">jobs handed to executors since the engine started</param>
    public int Jobs(long started)
    {
        var elapsed = Stopwatch.GetElapsedTime(_windowStart);
        if (elapsed >= Window)
        {
            var perSecond = (started - _startedAtWindow) / elapsed.TotalSeconds;
            _jobs = (int)Math.Clamp(perSecond * _horizonSeconds, _floor, _ceiling);
            _windowStart = Stopwatch.GetTimestamp();
            _startedAtWindow = started;
        }
        return _jobs;
    }
}
