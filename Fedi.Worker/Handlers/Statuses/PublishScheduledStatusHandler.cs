using Fedi.Core.Contracts.Jobs;
using Fedi.Core.ScheduledStatuses;
using Fedi.Worker.Engine;

namespace Fedi.Worker.Handlers.Statuses;

/// <summary><see cref="PublishScheduledStatusJob"/>: publishes a scheduled post that is due.</summary>
public sealed class PublishScheduledStatusHandler(PublishScheduledStatusService publish) : JobHandler<PublishScheduledStatusJob>
{
    public override Task PerformAsync(PublishScheduledStatusJob job, CancellationToken ct) => publish.PublishAsync(job.ScheduledStatusId, ct);
}
