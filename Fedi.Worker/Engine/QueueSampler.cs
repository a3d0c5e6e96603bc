using Fedi.Core.Contracts;
using Fedi.Core.Redis;

namespace Fedi.Worker.Engine;

/// <summary>Samples queue lengths and the schedule/retry/dead set sizes into the Prometheus gauge (one pipelined batch).</summary>
public sealed class QueueSampler(RedisConnection redis, WorkerOptions options)
{
    public async Task SampleAsync()
    {
        var batch = redis.Database.CreateBatch();
        var queues = options.Queues.Names.Select(q => (q, batch.ListLengthAsync(SidekiqKeys.Queue(q)))).ToList();
        var sets = new[] { SidekiqKeys.Schedule, SidekiqKeys.Retry, SidekiqKeys.Dead }
            .Select(s => (s, batch.SortedSetLengthAsync(s))).ToList();
        batch.Execute();
        foreach (var (name, length) in queues.Concat(sets))
            JobMetrics.QueueSize.WithLabels(name).Set(await length);
    }
}
