using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fedi.Core.Contracts.Jobs;

/// <summary>
/// RemovalWorker [status_id]: takes a deleted status out of feeds and streams. Enqueued by
/// <c>DeleteStatusService</c>; run by <c>RemovalHandler</c> (<c>RemoveStatusService.RemoveAsync</c>).
/// </summary>
public sealed record RemovalJob(long StatusId) : IJob<RemovalJob>
{
    public static string Class => "RemovalWorker";
    public static string Queue => QueueNames.Default;
    public static JobRetry Retry => JobRetry.Default;

    public static RemovalJob FromArgs(JsonElement args) => new(JobArgs.Id(args, 0));

    public JsonNode?[] ToArgs() => [StatusId];
}
