using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fedi.Core.Contracts.Jobs;

/// <summary>
/// ActivityPub::RelationshipDeliveryWorker [activity, account_id, target_account_id, object_uri?]: tells a remote
/// account what a local one did to it — <c>Follow</c> (a follow request to it), <c>UndoFollow</c>, <c>Accept</c> or
/// <c>Reject</c> of its follow (<c>object_uri</c>: the id of its Follow), <c>Block</c>, <c>UndoBlock</c> — as one
/// <see cref="DeliveryJob"/> to its inbox. Staged by <c>FollowService</c>, <c>UnfollowService</c>,
/// <c>AuthorizeFollowService</c>, <c>BlockService</c> and <c>UnblockService</c> when the target has a domain; run by
/// <c>RelationshipActivityHandler</c> (<c>DeliverRelationshipService</c>). Mastodon renders these inline and
/// pushes the DeliveryWorker itself; here the rendering needs the federation layer, which the worker has.
/// </summary>
public sealed record RelationshipActivityJob(string Activity, long AccountId, long TargetAccountId, string? ObjectUri = null)
    : IJob<RelationshipActivityJob>
{
    public const string Follow = "Follow";
    public const string UndoFollow = "UndoFollow";
    public const string Accept = "Accept";
    public const string Reject = "Reject";
    public const string Block = "Block";
    public const string UndoBlock = "UndoBlock";

    private static readonly HashSet<string> Activities = [Follow, UndoFollow, Accept, Reject, Block, UndoBlock];

    public static string Class => "ActivityPub::RelationshipDeliveryWorker";
    public static string Queue => QueueNames.Push;
    public static JobRetry Retry => JobRetry.Default;

    public static RelationshipActivityJob FromArgs(JsonElement args)
    {
        var activity = JobArgs.String(args, 0);
        if (!Activities.Contains(activity)) throw new PermanentJobException($"unknown relationship activity {activity}");
        return new RelationshipActivityJob(activity, JobArgs.Id(args, 1), JobArgs.Id(args, 2), JobArgs.OptionalString(args, 3));
    }

    public JsonNode?[] ToArgs() => ObjectUri is null ? [Activity, AccountId, TargetAccountId] : [Activity, AccountId, TargetAccountId, ObjectUri];
}
