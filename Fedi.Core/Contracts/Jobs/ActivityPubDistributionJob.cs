using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fedi.Core.Contracts.Jobs;

/// <summary>
/// ActivityPub::DistributionWorker [status_id, options?]: delivers a local status's Create to the remote inboxes it
/// reaches (followers' shared inboxes, mentioned and replied-to accounts), expanded into one <see cref="DeliveryJob"/>
/// per distinct inbox. Staged by <c>PostStatusService</c>; <c>{"activity": "Update"}</c> by <c>UpdateStatusService</c>
/// and <c>{"activity": "Delete"}</c> by <c>DeleteStatusService</c> send the edit or the Tombstone the same way.
/// Run by <c>ActivityPubDistributionHandler</c> (<c>DistributeStatusService</c>).
/// </summary>
public sealed record ActivityPubDistributionJob(long StatusId, string Activity = ActivityPubDistributionJob.Create) : IJob<ActivityPubDistributionJob>
{
    public const string Create = "Create";
    public const string Update = "Update";
    public const string Delete = "Delete";

    public static string Class => "ActivityPub::DistributionWorker";
    public static string Queue => QueueNames.Push;
    public static JobRetry Retry => JobRetry.Default;

    public static ActivityPubDistributionJob FromArgs(JsonElement args)
    {
        var id = JobArgs.Id(args, 0);
        var activity = JobArgs.Count(args) > 1 && args[1].ValueKind == JsonValueKind.Object
            && args[1].TryGetProperty("activity", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : Create;
        return activity is Create or Update or Delete
            ? new ActivityPubDistributionJob(id, activity)
            : throw new PermanentJobException($"unknown activity {activity} for status {id}");
    }

    public JsonNode?[] ToArgs() => Activity == Create ? [StatusId] : [StatusId, new JsonObject { ["activity"] = Activity }];
}
