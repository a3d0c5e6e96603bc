using Fedi.Core.Contracts;
using Fedi.Core.Redis;

namespace Fedi.Worker.Engine;

/// <summary>
/// Sidekiq's processed/failed counters (total and per day), counted in memory and flushed in one pipelined
/// batch with each heartbeat and at shutdown, as Sidekiq does — never a round trip per job.
/// </summary>
public sealed class JobStats(RedisConnection redis, TimeProvider time)
{
    /// <summary>Sidekiq keeps the daily keys five years.</summary>
    private static readonly TimeSpan DailyTtl = TimeSpan.FromDays(5 * 365);

    private long _processed;
    private long _failed;

    /// <summary>Every execution counts as processed; failures count as failed as well (Sidekiq's meaning).</summary>
    public void Record(bool failed)
    {
        Interlocked.Increment(ref _processed);
        if (failed) Interlocked.Increment(ref _failed);
    }

    public async Task FlushAsync()
    {
        var processed = Interlocked.Exchange(ref _processed, 0);
        var failed = Interlocked.Exchange(ref _failed, 0);
        if (processed == 0 && failed == 0) return;
        try
        {
            var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var batch = redis.Database.CreateBatch();
            var writes = new List<Task>
            {
                batch.StringIncrementAsync(SidekiqKeys.StatProcessed, processed),
                batch.StringIncrementAsync(SidekiqKeys.StatProcessedOn(day), processed),
                batch.KeyExpireAsync(SidekiqKeys.StatProcessedOn(day), DailyTtl),
            };
            if (failed > 0)
            {
                writes.Add(batch.StringIncrementAsync(SidekiqKeys.StatFailed, failed));
                writes.Add(batch.StringIncrementAsync(SidekiqKeys.StatFailedOn(day), failed));
                writes.Add(batch.KeyExpireAsync(SidekiqKeys.StatFailedOn(day), DailyTtl));
            }
            batch.Execute();
            await Task.WhenAll(writes);
        }
        catch
        {
            // Keep the counts for the next flush rather than lose them to a Redis hiccup.
            Interlocked.Add(ref _processed, processed);
            Interlocked.Add(ref _failed, failed);
            throw;
        }
    }
}
