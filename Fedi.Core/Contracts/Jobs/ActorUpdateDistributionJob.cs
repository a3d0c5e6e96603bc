using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fedi.Core.Contracts.Jobs;

/// <summary>
/// ActivityPub::UpdateDistributionWorker [account_id]: sends an Update of the local account's actor document to the
/// inboxes of its remote followers. Enqueued by <c>UpdateCredentialsService</c>; run by
/// <c>ActorUpdateDistributionHandler</c> (<c>DistributeActorUpdateService</c>).
/// </summary>
public sealed record ActorUpdateDistributionJob(long AccountId) : IJob<ActorUpdateDistributionJob>
{
    public static string Class => "ActivityPub::UpdateDistributionWorker";
    public static string Queue => QueueNames.Push;
    public static JobRetry Retry => JobRetry.Default;

    public static ActorUpdateDistributionJob FromArgs(JsonElement args) => new(JobArgs.Id(args, 0));

    public JsonNode?[] ToArgs() => [AccountId];
}
