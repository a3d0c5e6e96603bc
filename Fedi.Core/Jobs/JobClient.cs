using System.Text.Json.Nodes;
using Fedi.Core.Contracts;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Redis;
using StackExchange.Redis;

namespace Fedi.Core.Jobs;

/// <summary>Enqueues job records (<see cref="IJob{TSelf}"/>) in Sidekiq's wire format (SADD queues + LPUSH
/// queue:&lt;name&gt;), each on its own queue unless the caller names another.</summary>
public sealed class JobClient(RedisConnection redis)
{
    /// <summary>Enqueues <paramref name="job"/>; returns its jid.</summary>
    public Task<string> EnqueueAsync<TJob>(TJob job, string? queue = null) where TJob : IJob<TJob> =>
        EnqueueAsync(job.ToPayload(queue));

    /// <summary>One round trip for many jobs of the same class (Sidekiq's push_bulk).</summary>
    public async Task EnqueueManyAsync<TJob>(IEnumerable<TJob> jobs, string? queue = null) where TJob : IJob<TJob>
    {
        var payloads = jobs.Select(job => (RedisValue)job.ToPayload(queue).ToJson()).ToArray();
        if (payloads.Length > 0) await PushAsync(queue ?? TJob.Queue, payloads);
    }

    /// <summary>Enqueues a job already in its wire format.</summary>
    public async Task<string> EnqueueAsync(JobPayload job)
    {
        await PushAsync(job.Queue, [job.ToJson()]);
        return job.Jid;
    }

    /// <summary>Enqueues jobs already serialised (Sidekiq JSON) on <paramref name="queue"/>, in one round trip.</summary>
    public Task EnqueueSerializedAsync(string queue, IReadOnlyCollection<string> jobs) =>
        jobs.Count == 0 ? Task.CompletedTask : PushAsync(queue, jobs.Select(j => (RedisValue)j).ToArray());

    /// <summary>
    /// Enqueues the job unless one of the same class and args is already enqueued, scheduled or running
    /// (until executed, or at most <paramref name="uniqueFor"/>); returns its jid, or null when it was a duplicate.
    /// </summary>
    public async Task<string?> EnqueueUniqueAsync<TJob>(TJob record, TimeSpan uniqueFor) where TJob : IJob<TJob>
    {
        var job = record.ToPayload();
        var digest = UniqueDigest(job.Class, job.Args);
        job.Extra = new Dictionary<string, System.Text.Json.JsonElement>
        {
            ["unique_for"] = System.Text.Json.JsonSerializer.SerializeToElement((long)uniqueFor.TotalSeconds),
            ["unique_digest"] = System.Text.Json.JsonSerializer.SerializeToElement(digest),
        };
        // Lock and job in one MULTI: a crash in between must not leave a lock that keeps the job out for uniqueFor.
        var transaction = redis.Database.CreateTransaction();
        transaction.AddCondition(Condition.KeyNotExists(SidekiqKeys.UniqueJob(digest)));
        Task[] writes = [transaction.StringSetAsync(SidekiqKeys.UniqueJob(digest), job.Jid, uniqueFor), .. PushIn(transaction, job.Queue, job.ToJson())];
        if (!await transaction.ExecuteAsync()) return null;
        await Task.WhenAll(writes);
        return job.Jid;
    }

    /// <summary>SHA-256 of class and args: one lock per distinct piece of work.</summary>
    public static string UniqueDigest(string jobClass, JsonArray args) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(jobClass + ":" + args.ToJsonString())));

    /// <summary>Runs the job at <paramref name="runAt"/> (the schedule sorted set).</summary>
    public async Task<string> ScheduleAsync<TJob>(DateTimeOffset runAt, TJob record) where TJob : IJob<TJob>
    {
        var job = record.ToPayload();
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
