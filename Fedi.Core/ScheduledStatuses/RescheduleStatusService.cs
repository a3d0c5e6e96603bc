using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Errors;
using Fedi.Core.Jobs;

namespace Fedi.Core.ScheduledStatuses;

/// <summary>Moves a scheduled post (PUT /api/v1/scheduled_statuses/:id). The job for the old time still runs and
/// finds the row not yet due, so only the job scheduled here publishes it.</summary>
public sealed class RescheduleStatusService(ScheduledStatusStore store, ScheduledAtRule rule, JobClient jobs)
{
    public async Task<ScheduledStatus> RescheduleAsync(long id, long accountId, DateTime scheduledAt, CancellationToken ct = default)
    {
        if (await store.FindAsync(id, accountId, ct) is null) throw ApiException.NotFound();
        rule.Check(scheduledAt);
        var row = await store.UpdateScheduledAtAsync(id, accountId, scheduledAt, ct) ?? throw ApiException.NotFound();
        await jobs.ScheduleAsync(new DateTimeOffset(scheduledAt, TimeSpan.Zero), new PublishScheduledStatusJob(row.Id));
        return row;
    }
}
