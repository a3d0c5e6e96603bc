using Fedi.Core.Contracts;
using Fedi.Core.Jobs;
using Fedi.Core.Redis;

namespace Fedi.Worker.Engine;

/// <summary>Samples queue lengths and latencies and the schedule/retry/dead set sizes into the Prometheus
/// gauges (two pipelined batches).</summary>
public sealed class QueueSampler(RedisConnection redis, WorkerOptions options, JobStatsReader reader, TimeProvider time)
{
    public async Task SampleAsync()
    {
        var queues = await reader.QueuesAsync(options.Queues.Names, time.GetUtcNow());
        var batch = redis.Database.CreateBatch();
        var sets = new[] { SidekiqKeys.Schedule, SidekiqKeys.Retry, SidekiqKeys.Dead }
            .Select(s => (s, batch.SortedSetLengthAsync(s))).ToList();
        batch.Execute();
        foreach (var queue in queues)
        {
            JobMetrics.QueueSize.WithLabels(queue.Name).Set(queue.Size);
            JobMetrics.QueueLatency.WithLabels(queue.Name).Set(queue.LatencySeconds);
        }
        foreach (var (name, length) in sets) JobMetrics.QueueSize.WithLabels(name).Set(await length);
    }
}
