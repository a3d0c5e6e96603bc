using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fedi.Core.Contracts.Jobs;

/// <summary>
/// DistributionWorker [status_id, options?]: fans a new local status out to feeds and public channels. Enqueued by
/// <c>PostStatusService</c> and <c>ReblogService</c>; run by <c>DistributionHandler</c>
/// (<c>FanOutOnWriteService.FanOutAsync</c>). Mastodon's options: <c>{"update": true}</c> (enqueued by
/// <c>UpdateStatusService</c>) re-runs the fan-out for an edit, sending <c>status.update</c>; other keys are ignored.
/// </summary>
public sealed record DistributionJob(long StatusId, bool Update = false) : IJob<DistributionJob>
{
    public static string Class => "DistributionWorker";
    public static string Queue => QueueNames.Default;
    public static JobRetry Retry => JobRetry.Default;

    public static DistributionJob FromArgs(JsonElement args) => new(JobArgs.Id(args, 0),
        args.GetArrayLength() > 1 && args[1].ValueKind == JsonValueKind.Object
        && args[1].TryGetProperty("update", out var update) && update.ValueKind == JsonValueKind.True);

    public JsonNode?[] ToArgs() => Update ? [StatusId, new JsonObject { ["update"] = true }] : [StatusId];
}
