namespace Fedi.Core.Contracts.Jobs;

/// <summary>A job record in Sidekiq's wire format.</summary>
public static class JobWire
{
    /// <summary>The job as enqueued now: its class, args, "retry" and its queue — or <paramref name="queue"/>,
    /// for a caller that parks jobs where no worker reads (a benchmark).</summary>
    public static JobPayload ToPayload<TJob>(this TJob job, string? queue = null) where TJob : IJob<TJob> =>
        JobPayload.Create(TJob.Class, queue ?? TJob.Queue, job.ToArgs(), TJob.Retry.Wire);
}
