using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fedi.Core.Contracts.Jobs;

/// <summary>
/// Fedi::MaintenanceWorker [task_name]: runs one built-in maintenance task (named in <c>MaintenanceSchedule</c>)
/// on the scheduler queue, never retried (the next run is the retry), as Mastodon's sidekiq-scheduler jobs.
/// Enqueued by the worker's <c>MaintenanceLeader</c> when a task is due and by <c>maintenance run</c>; run by
/// <c>MaintenanceHandler</c>.
/// </summary>
public sealed record MaintenanceJob(string Task) : IJob<MaintenanceJob>
{
    public static string Class => "Fedi::MaintenanceWorker";
    public static string Queue => QueueNames.Scheduler;
    public static JobRetry Retry => JobRetry.Never;

    public static MaintenanceJob FromArgs(JsonElement args) => new(JobArgs.String(args, 0));

    public JsonNode?[] ToArgs() => [Task];
}
