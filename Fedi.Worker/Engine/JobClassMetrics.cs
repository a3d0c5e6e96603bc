using Prometheus;

namespace Fedi.Worker.Engine;

/// <summary>One job class's series of <see cref="JobMetrics"/>, looked up once instead of once per job.</summary>
public sealed class JobClassMetrics(string label)
{
    public Counter.Child Processed { get; } = JobMetrics.Processed.WithLabels(label);

    public Histogram.Child Duration { get; } = JobMetrics.Duration.WithLabels(label);

    public string Label => label;
}
