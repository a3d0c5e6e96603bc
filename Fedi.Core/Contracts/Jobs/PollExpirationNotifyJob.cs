using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fedi.Core.Contracts.Jobs;

/// <summary>
/// PollExpirationNotifyWorker [poll_id]: at a poll's end, a <c>poll</c> notification to each voter and to the author.
/// Scheduled for the poll's expires_at by <c>StatusPolls</c> when a status is posted or its poll edited; run by
/// <c>PollExpirationNotifyHandler</c> (<c>PollNotifications.NotifyExpiredAsync</c>). A run before the end (the
/// poll was edited to end later) does nothing, as the edit scheduled its own; a second run adds nothing.
/// </summary>
public sealed record PollExpirationNotifyJob(long PollId) : IJob<PollExpirationNotifyJob>
{
    public static string Class => "PollExpirationNotifyWorker";
    public static string Queue => QueueNames.Default;
    public static JobRetry Retry => JobRetry.Default;

    public static PollExpirationNotifyJob FromArgs(JsonElement args) => new(JobArgs.Id(args, 0));

    public JsonNode?[] ToArgs() => [PollId];
}
