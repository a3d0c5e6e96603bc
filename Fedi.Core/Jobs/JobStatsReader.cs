using System.Text.Json.Nodes;
using Fedi.Core.Contracts;
using Fedi.Core.Redis;
using StackExchange.Redis;

namespace Fedi.Core.Jobs;

/// <summary>One queue: jobs waiting, and how long the oldest has waited (Sidekiq's queue latency).</summary>
public sealed record QueueState(string Name, long Size, double LatencySeconds);

/// <summary>One live worker process as its heartbeat describes it.</summary>
public sealed record ProcessState(string Identity, int Busy, int Concurrency, int? DbPool, double BeatAgeSeconds, bool Quiet);

/// <summary>Sidekiq::Stats plus the process list, read in a few pipelined round trips.</summary>
public sealed record JobEngineState(
    long Processed, long Failed, long ProcessedToday, long FailedToday,
    long Retries, long Scheduled, long Dead,
    IReadOnlyList<QueueState> Queues, IReadOnlyList<ProcessState> Processes)
{
    public int Busy => Processes.Sum(p => p.Busy);
}

/// <summary>Reads the job engine's state from Redis, as Sidekiq's API and web UI do.</summary>
public sealed class JobStatsReader(RedisConnection redis, TimeProvider time)
{
    public async Task<JobEngineState> ReadAsync()
    {
        var db = redis.Database;
        var now = time.GetUtcNow();
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var batch = db.CreateBatch();
        var processed = batch.StringGetAsync(SidekiqKeys.StatProcessed);
        var failed = batch.StringGetAsync(SidekiqKeys.StatFailed);
        var processedToday = batch.StringGetAsync(SidekiqKeys.StatProcessedOn(day));
        var failedToday = batch.StringGetAsync(SidekiqKeys.StatFailedOn(day));
        var retries = batch.SortedSetLengthAsync(SidekiqKeys.Retry);
        var scheduled = batch.SortedSetLengthAsync(SidekiqKeys.Schedule);
        var dead = batch.SortedSetLengthAsync(SidekiqKeys.Dead);
        var queueNames = batch.SetMembersAsync(SidekiqKeys.Queues);
        var processNames = batch.SetMembersAsync(SidekiqKeys.Processes);
        batch.Execute();

        var queues = await QueuesAsync((await queueNames).Select(v => (string)v!).Order(StringComparer.Ordinal).ToList(), now);
        var processes = await ProcessesAsync((await processNames).Select(v => (string)v!).Order(StringComparer.Ordinal).ToList(), now);
        return new JobEngineState((long)await processed, (long)await failed, (long)await processedToday, (long)await failedToday,
            await retries, await scheduled, await dead, queues, processes);
    }

    public async Task<IReadOnlyList<QueueState>> QueuesAsync(IReadOnlyList<string> names, DateTimeOffset now)
    {
        var batch = redis.Database.CreateBatch();
        var reads = names.Select(n => (n, Size: batch.ListLengthAsync(SidekiqKeys.Queue(n)), Oldest: batch.ListGetByIndexAsync(SidekiqKeys.Queue(n), -1))).ToList();
        batch.Execute();
        var result = new List<QueueState>();
        foreach (var (name, size, oldest) in reads)
            result.Add(new QueueState(name, await size, Latency((string?)await oldest, now)));
        return result;
    }

    private async Task<IReadOnlyList<ProcessState>> ProcessesAsync(IReadOnlyList<string> identities, DateTimeOffset now)
    {
        var batch = redis.Database.CreateBatch();
        var reads = identities.Select(id => (id, batch.HashGetAsync(SidekiqKeys.Process(id), ["info", "busy", "beat", "quiet"]))).ToList();
        batch.Execute();
        var result = new List<ProcessState>();
        foreach (var (id, read) in reads)
        {
            var fields = await read;
            if (fields[0].IsNull) continue; // the hash expired: dead, not yet cleaned up
            var info = JsonNode.Parse((string)fields[0]!) as JsonObject;
            var beat = double.TryParse((string?)fields[2], System.Globalization.CultureInfo.InvariantCulture, out var b) ? b : 0;
            result.Add(new ProcessState(id, (int)fields[1], Int(info, "concurrency") ?? 0, Int(info, "db_pool"),
                Math.Max(0, JobPayload.EpochSeconds(now) - beat), (string?)fields[3] == "true"));
        }
        return result;
    }

    /// <summary>Seconds since the oldest job's enqueued_at; 0 for an empty queue or a job without one.</summary>
    public static double Latency(string? oldest, DateTimeOffset now)
    {
        if (oldest is null) return 0;
        try
        {
            return JsonNode.Parse(oldest) is JsonObject job && job["enqueued_at"] is JsonValue v && v.TryGetValue<double>(out var at)
                ? Math.Max(0, JobPayload.EpochSeconds(now) - at)
                : 0;
        }
        catch (System.Text.Json.JsonException)
        {
            return 0;
        }
    }

    private static int? Int(JsonObject? info, string name) => info?[name] is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;
}
