using System.CommandLine;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Jobs;
using Fedi.Core.Redis;

namespace Fedi.Core.Cli;

/// <summary><c>maintenance list</c> and <c>maintenance run &lt;task&gt;</c> over the built-in schedule.</summary>
internal static class MaintenanceCommand
{
    public static Command Create(string tier) => new("maintenance", "Built-in maintenance tasks.") { List(tier), Run(tier) };

    private static Command List(string tier)
    {
        var command = new Command("list", "Every task: cadence, next run, last run, duration, outcome.");
        command.SetAction((_, _) => CliRedis.RunAsync(tier, async redis =>
        {
            var (schedule, records) = (new MaintenanceSchedule(redis), new MaintenanceRecords(redis));
            var rows = new List<IReadOnlyList<string>>();
            foreach (var task in MaintenanceSchedule.Tasks)
            {
                var record = await records.ReadAsync(task.Name);
                var cron = (await schedule.CronAsync(task)).ToString();
                rows.Add([task.Name, cron, TextTable.Time(record.NextAt), TextTable.Time(record.LastRunAt),
                    record.DurationMs is { } ms ? $"{ms} ms" : "-", record.Outcome ?? "-"]);
            }
            TextTable.Write(["TASK", "CRON (UTC)", "NEXT RUN", "LAST RUN", "DURATION", "OUTCOME"], rows);
            return 0;
        }));
        return command;
    }

    private static Command Run(string tier)
    {
        var name = new Argument<string>("task") { Description = "Task name (see `maintenance list`)." };
        var wait = new Option<int>("--wait") { Description = "Seconds to wait for a worker to run it (0: do not wait).", DefaultValueFactory = _ => 60 };
        var command = new Command("run", "Enqueue a task now on the scheduler queue and wait for its outcome.") { name, wait };
        command.SetAction((r, ct) => CliRedis.RunAsync(tier, async redis =>
        {
            var task = MaintenanceSchedule.Find(r.GetValue(name)!);
            if (task is null)
            {
                await Console.Error.WriteLineAsync($"no task '{r.GetValue(name)}'; tasks: {string.Join(", ", MaintenanceSchedule.Tasks.Select(t => t.Name))}");
                return 2;
            }
            return await RunAsync(redis, task, TimeSpan.FromSeconds(Math.Max(0, r.GetValue(wait))), ct);
        }));
        return command;
    }

    private static async Task<int> RunAsync(RedisConnection redis, MaintenanceTaskInfo task, TimeSpan wait, CancellationToken ct)
    {
        var records = new MaintenanceRecords(redis);
        var before = (await records.ReadAsync(task.Name)).LastRunAt;
        var jid = await new JobClient(redis).EnqueueAsync(new MaintenanceJob(task.Name));
        Console.WriteLine($"enqueued {task.Name} as job {jid} on the scheduler queue");
        if (wait == TimeSpan.Zero) return 0;
        var deadline = DateTimeOffset.UtcNow + wait;
        while (DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(200, ct);
            var record = await records.ReadAsync(task.Name);
            if (record.LastRunAt == before) continue;
            Console.WriteLine($"{task.Name}: {record.Outcome} in {record.DurationMs} ms (ran by {record.RanBy})");
            return record.Outcome == "ok" ? 0 : 1;
        }
        await Console.Error.WriteLineAsync($"no worker ran {task.Name} within {wait.TotalSeconds:0} s (is a worker fetching the scheduler queue?)");
        return 3;
    }
}
