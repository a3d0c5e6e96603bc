using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fedi.Core.Contracts.Jobs;

/// <summary>
/// MergeWorker [target_account_id, follower_account_id]: merges a newly followed account's recent statuses into
/// the follower's home feed. Enqueued by <c>FollowService</c>; run by <c>MergeHandler</c>
/// (<c>MergeService.MergeAsync</c>). Mastodon's optional third argument ("home" or "list") is accepted and
/// ignored: lists are not merged yet.
/// </summary>
public sealed record MergeJob(long TargetAccountId, long FollowerAccountId) : IJob<MergeJob>
{
    public static string Class => "MergeWorker";
    public static string Queue => QueueNames.Default;
    public static JobRetry Retry => JobRetry.Default;

    public static MergeJob FromArgs(JsonElement args) => new(JobArgs.Id(args, 0), JobArgs.Id(args, 1));

    public JsonNode?[] ToArgs() => [TargetAccountId, FollowerAccountId];
}
