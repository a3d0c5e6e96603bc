using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fedi.Core.Contracts.Jobs;

/// <summary>
/// UnmergeWorker [target_account_id, follower_account_id]: removes an unfollowed account's statuses from the
/// follower's home feed. Enqueued by <c>UnfollowService</c> and by <c>BlockService</c> (once per follow the
/// block removed); run by <c>UnmergeHandler</c> (<c>UnmergeService.UnmergeAsync</c>).
/// </summary>
public sealed record UnmergeJob(long TargetAccountId, long FollowerAccountId) : IJob<UnmergeJob>
{
    public static string Class => "UnmergeWorker";
    public static string Queue => QueueNames.Default;
    public static JobRetry Retry => JobRetry.Default;

    public static UnmergeJob FromArgs(JsonElement args) => new(JobArgs.Id(args, 0), JobArgs.Id(args, 1));

    public JsonNode?[] ToArgs() => [TargetAccountId, FollowerAccountId];
}
