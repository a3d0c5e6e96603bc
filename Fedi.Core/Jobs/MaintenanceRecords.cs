using Fedi.Core.Contracts;
using Fedi.Core.Redis;
using StackExchange.Redis;

namespace Fedi.Core.Jobs;

/// <summary>What is known of one maintenance task: when it is due next and how its last run went.</summary>
public sealed record MaintenanceRecord(
    string Name, DateTimeOffset? NextAt, DateTimeOffset? LastRunAt, long? DurationMs, string? Outcome, string? RanBy);

/// <summary>Reads and writes the <see cref="MaintenanceKeys.Task"/> hashes.</summary>
public sealed class MaintenanceRecords(RedisConnection redis)
{
    public async Task<MaintenanceRecord> ReadAsync(string name)
    {
        var fields = (await redis.Database.HashGetAllAsync(MaintenanceKeys.Task(name)))
            .ToDictionary(e => (string)e.Name!, e => (string?)e.Value);
        return new MaintenanceRecord(name, Time(fields, "next_at"), Time(fields, "last_run_at"),
            fields.GetValueOrDefault("duration_ms") is { } d && long.TryParse(d, out var ms) ? ms : null,
            fields.GetValueOrDefault("outcome"), fields.GetValueOrDefault("ran_by"));
    }

    public Task RecordRunAsync(string name, DateTimeOffset started, TimeSpan duration, string outcome, string ranBy) =>
        redis.Database.HashSetAsync(MaintenanceKeys.Task(name),
        [
            new HashEntry("last_run_at", JobPayload.EpochSeconds(started)),
            new HashEntry("duration_ms", (long)duration.TotalMilliseconds),
            new HashEntry("outcome", outcome),
            new HashEntry("ran_by", ranBy),
        ]);

    /// <summary>
    /// Enqueues <paramref name="job"/> for the task's due run and moves <c>next_at</c> to <paramref name="next"/>, in
    /// one MULTI that goes through only while <paramref name="leader"/> still holds <see cref="MaintenanceKeys.Leader"/>
    /// and nobody has claimed this run yet. That fences off a leader that stalled (a long GC pause, a frozen VM)
    /// past its lease while a successor took over: each due run is enqueued once, whoever claims it.
    /// False when the run is not due, already claimed, or the lease is no longer <paramref name="leader"/>'s.
    /// </summary>
    public async Task<bool> ClaimDueAsync(string name, DateTimeOffset now, string leader, JobPayload job, Func<Task<DateTimeOffset>> next)
    {
        var key = MaintenanceKeys.Task(name);
        var dueAt = await redis.Database.HashGetAsync(key, "next_at");
        if (dueAt.IsNull || Time(dueAt) is not { } due || due > now) return false;
        var following = JobPayload.EpochSeconds(await next());

        var transaction = redis.Database.CreateTransaction();
        transaction.AddCondition(Condition.StringEqual(MaintenanceKeys.Leader, leader));
        transaction.AddCondition(Condition.HashEqual(key, "next_at", dueAt));
        Task[] writes = [transaction.HashSetAsync(key, "next_at", following), .. JobClient.PushIn(transaction, job.Queue, job.ToJson())];
        if (!await transaction.ExecuteAsync()) return false;
        await Task.WhenAll(writes);
        return true;
    }

    public Task SetNextAsync(string name, DateTimeOffset next) =>
        redis.Database.HashSetAsync(MaintenanceKeys.Task(name), "next_at", JobPayload.EpochSeconds(next));

    private static DateTimeOffset? Time(Dictionary<string, string?> fields, string name) => Time(fields.GetValueOrDefault(name));

    private static DateTimeOffset? Time(string? text) =>
        double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var s)
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(s * 1000))
            : null;
}
