using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fedi.Core.Contracts.Jobs;

/// <summary>
/// PublishScheduledStatusWorker [scheduled_status_id]: publishes a scheduled post when due. Scheduled with <c>at</c>
/// by <c>ScheduleStatusService</c> and <c>RescheduleStatusService</c>, and enqueued for overdue rows by the
/// <c>scheduled-statuses</c> maintenance task; run by <c>PublishScheduledStatusHandler</c>
/// (<c>PublishScheduledStatusService.PublishAsync</c>). A run before the row's time (it was moved later) does
/// nothing; a second run publishes nothing more.
/// </summary>
public sealed record PublishScheduledStatusJob(long ScheduledStatusId) : IJob<PublishScheduledStatusJob>
{
    public static string Class => "PublishScheduledStatusWorker";
    public static string Queue => QueueNames.Default;
    public static JobRetry Retry => JobRetry.Default;

    public static PublishScheduledStatusJob FromArgs(JsonElement args) => new(JobArgs.Id(args, 0));

    public JsonNode?[] ToArgs() => [ScheduledStatusId];
}
