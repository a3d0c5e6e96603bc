using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Jobs;
using Fedi.Core.ScheduledStatuses;

namespace Fedi.Worker.Maintenance;

/// <summary>The safety net of scheduled posts (Mastodon's ScheduledStatusesScheduler): a row still there a minute
/// after its time lost its job (Redis was away when it was scheduled), so it gets a publication job now.</summary>
public sealed class ScheduledStatusesTask(ScheduledStatusStore store, JobClient jobs, TimeProvider time) : IMaintenanceTask
{
    public string Name => "scheduled-statuses";

    public async Task<string> RunAsync(CancellationToken ct)
    {
        var overdue = await store.ListDueIdsAsync(time.GetUtcNow().UtcDateTime.AddMinutes(-1), 1000, ct);
        await jobs.EnqueueManyAsync(overdue.Select(id => new PublishScheduledStatusJob(id)));
        return $"enqueued {overdue.Count} overdue scheduled status(es)";
    }
}
