using System.Text.Json.Nodes;
using Fedi.Core.Contracts;

namespace Fedi.Core.Jobs;

/// <summary>The job that runs one maintenance task: on the scheduler queue, never retried (the next run is the
/// retry), as Mastodon's sidekiq-scheduler jobs.</summary>
public static class MaintenanceJob
{
    public static JobPayload Create(string taskName) =>
        JobPayload.Create(JobNames.Maintenance, QueueNames.Scheduler, [JsonValue.Create(taskName)], retry: JsonValue.Create(false));
}
