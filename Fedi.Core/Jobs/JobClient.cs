using System.Text.Json.Nodes;
using Fedi.Core.Contracts;
using Fedi.Core.Redis;
using StackExchange.Redis;

namespace Fedi.Core.Jobs;

/// <summary>Enqueues jobs in Sidekiq's wire format (SADD queues + LPUSH queue:&lt;name&gt;).</summary>
public sealed class JobClient(RedisConnection redis)
{
    public Task<string> EnqueueAsync(string jobClass, params JsonNode?[] args) =>
        EnqueueToAsync(QueueNames.Default, jobClass, args);

    public async Task<string> EnqueueToAsync(string queue, string jobClass, params JsonNode?[] args)
    {
        var job = JobPayload.Create(jobClass, queue, args);
        await PushAsync(queue, [job.ToJson()]);
        return job.Jid;
    }

    /// <summary>One round trip for many jobs of the same class (Sidekiq's push_bulk).</summary>
    public async Task EnqueueManyAsync(string queue, string jobClass, IEnumerable<JsonNode?[]> argsList)
    {
        var jobs = argsList.Select(args => (RedisValue)JobPayload.Create(jobClass, queue, args).ToJson()).ToArray();
        if (jobs.Length > 0) await PushAsync(queue, jobs);
    }

    /// <summary>Enqueues a job built by the caller (e.g. with retry: false).</summary>
    public async Task<string> EnqueueAsync(JobPayload job)
    {
        await PushAsync(job.Queue, [job.ToJson()]);
        return job.Jid;
    }

    /// <summary>
    /// Enqueues the job unless one of the same class and args is already enqueued, scheduled or running
    /// (until executed, or at most <paramref name="uniqueFor"/>); returns its jid, or null when it was a duplicate.
    /// </summary>
    public async Task<string?> EnqueueUniqueAsync(string queue, string jobClass, TimeSpan uniqueFor, params JsonNode?[] args)
    {
        var job = JobPayload.Create(jobClass, queue, args);
        var digest = UniqueDigest(jobClass, job.Args);
        job.Extra = new Dictionary<string, System.Text.Json.JsonElement>
        {
            ["unique_for"] = System.Text.Json.JsonSerializer.SerializeToElement((long)uniqueFor.TotalSeconds),
            ["unique_digest"] = System.Text.Json.JsonSerializer.SerializeToElement(digest),
        };
        // Lock and job in one MULTI: a crash in between must not leave a lock that keeps the job out for uniqueFor.
        var transaction = redis.Database.CreateTransaction();
        transaction.AddCondition(Condition.KeyNotExists(SidekiqKeys.UniqueJob(digest)));
        Task[] writes = [transaction.StringSetAsync(SidekiqKeys.UniqueJob(digest), job.Jid, uniqueFor), .. PushIn(transaction, queue, job.ToJson())];
        if (!await transaction.ExecuteAsync()) return null;
        await Task.WhenAll(writes);
        return job.Jid;
    }

    /// <summary>SHA-256 of class and args: one lock per distinct piece of work.</summary>
    public static string UniqueDigest(string jobClass, JsonArray args) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(jobClass + ":" + args.ToJsonString())));

    /// <summary>Runs the job at <paramref name="runAt"/> (the schedule sorted set).</summary>
    public async Task<string> ScheduleAsync(DateTimeOffset runAt, string queue, string jobClass, params JsonNode?[] args)
    {
        var job = JobPayload.Create(jobClass, queue, args);
        job.EnqueuedAt = null;
        await redis.Database.SortedSetAddAsync(SidekiqKeys.Schedule, job.ToJson(), JobPayload.EpochSeconds(runAt));
        return job.Jid;
    }

    /// <summary>Sidekiq's enqueue (SADD queues + LPUSH queue:&lt;name&gt;) added to <paramref name="batch"/>, which may be
    /// a transaction that makes the push part of a larger atomic step.</summary>
    public static Task[] PushIn(IBatch batch, string queue, params RedisValue[] jobs) =>
    [
        batch.SetAddAsync(SidekiqKeys.Queues, queue),
        batch.ListLeftPushAsync(SidekiqKeys.Queue(queue), jobs),
    ];

    private async Task PushAsync(string queue, RedisValue[] jobs)
    {
        var batch = redis.Database.CreateBatch();
        var writes = PushIn(batch, queue, jobs);
        batch.Execute();
        await Task.WhenAll(writes);
    }
}
