using Cronos;
using Fedi.Core.Contracts;
using Fedi.Core.Redis;
using StackExchange.Redis;

namespace Fedi.Core.Jobs;

/// <summary>One built-in maintenance task and when it runs (cron, UTC). <c>{random-night}</c> stands for a
/// minute between 03:00 and 05:59 picked once per deployment.</summary>
public sealed record MaintenanceTaskInfo(string Name, string Cron, string Description);

/// <summary>
/// Every built-in maintenance task with its cadence — the one list. The worker that holds the maintenance
/// lead enqueues each when due; <c>maintenance list</c> shows them.
/// </summary>
public sealed class MaintenanceSchedule(RedisConnection redis)
{
    public const string RandomNight = "{random-night}";

    public static readonly IReadOnlyList<MaintenanceTaskInfo> Tasks =
    [
        new("feeds-vacuum", RandomNight, "Delete home feeds of users not signed in within USER_ACTIVE_DAYS"),
        new("tokens-prune", "15 2 * * *", "Delete access tokens revoked over a day ago and expired or revoked grants"),
        new("dead-set-trim", "0 * * * *", "Keep the dead set within 10,000 jobs and 180 days"),
        new("processes-cleanup", "* * * * *", "Drop expired worker processes and re-queue their in-progress jobs"),
        new("scheduled-statuses", "* * * * *", "Enqueue the publication of scheduled posts over a minute late (their job was lost)"),
        new("media-remove-orphans", "40 * * * *", "Delete media uploaded over a day ago and never attached to a status, with their files"),
    ];

    public static MaintenanceTaskInfo? Find(string name) => Tasks.FirstOrDefault(t => t.Name == name);

    /// <summary>The task's cron expression; a random one is picked and stored on first use (HSETNX, so
    /// every process agrees on the first pick).</summary>
    public async Task<CronExpression> CronAsync(MaintenanceTaskInfo task)
    {
        var text = task.Cron;
        if (text == RandomNight)
        {
            var picked = $"{Random.Shared.Next(60)} {3 + Random.Shared.Next(3)} * * *";
            await redis.Database.HashSetAsync(MaintenanceKeys.Crons, task.Name, picked, When.NotExists);
            text = (string?)await redis.Database.HashGetAsync(MaintenanceKeys.Crons, task.Name) ?? picked;
        }
        return CronExpression.Parse(text);
    }

    /// <summary>The next time after <paramref name="after"/> the task is due.</summary>
    public async Task<DateTimeOffset> NextAsync(MaintenanceTaskInfo task, DateTimeOffset after) =>
        (await CronAsync(task)).GetNextOccurrence(after, TimeZoneInfo.Utc) ?? after.AddDays(1);
}
