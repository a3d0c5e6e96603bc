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

    public Task SetNextAsync(string name, DateTimeOffset next) =>
        redis.Database.HashSetAsync(MaintenanceKeys.Task(name), "next_at", JobPayload.EpochSeconds(next));

    private static DateTimeOffset? Time(Dictionary<string, string?> fields, string name) =>
        fields.GetValueOrDefault(name) is { } text && double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var s)
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(s * 1000))
            : null;
}
