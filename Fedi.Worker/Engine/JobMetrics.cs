using Prometheus;

namespace Fedi.Worker.Engine;

/// <summary>Prometheus metrics of the job engine, served on /metrics when PORT is set.</summary>
public static class JobMetrics
{
    /// <summary>Classes this worker does not know are counted under one label, so junk on the wire cannot
    /// blow up the number of series.</summary>
    public const string UnknownClass = "unknown";

    public static readonly Counter Processed = Metrics.CreateCounter(
        "fedi_worker_jobs_processed_total", "Jobs run to an end (success or failure), by job class.", "class");

    public static readonly Counter Failed = Metrics.CreateCounter(
        "fedi_worker_jobs_failed_total", "Job runs that failed, by job class and outcome (retry, dead, discard).", "class", "outcome");

    public static readonly Histogram Duration = Metrics.CreateHistogram(
        "fedi_worker_job_duration_seconds", "Time a job ran, by job class.",
        new HistogramConfiguration { LabelNames = ["class"], Buckets = Histogram.ExponentialBuckets(0.001, 4, 9) });

    public static readonly Gauge Busy = Metrics.CreateGauge(
        "fedi_worker_jobs_busy", "Jobs running in this process now.");

    public static readonly Gauge QueueSize = Metrics.CreateGauge(
        "fedi_worker_queue_size", "Jobs waiting in a queue (or in the schedule, retry and dead sets), sampled with each heartbeat.", "queue");

    public static readonly Gauge QueueLatency = Metrics.CreateGauge(
        "fedi_worker_queue_latency_seconds", "Age of the oldest job waiting in a queue (its enqueued_at), sampled with each heartbeat.", "queue");

    public static readonly Counter Recovered = Metrics.CreateCounter(
        "fedi_worker_jobs_recovered_total", "Jobs put back on their queue from a dead process's in-progress list.");
}
