using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fedi.Core.Contracts.Jobs;

/// <summary>
/// ActivityPub::ProcessingWorker [actor_id, json, delivered_to_account_id?]: an inbound activity whose signature
/// the inbox verified (<paramref name="ActorId"/> the signer's account), its body as received. Enqueued on ingress by
/// the web tier's inbox; run by the worker's activity dispatcher. Mastodon retries it 8 times.
/// </summary>
public sealed record ProcessingJob(long ActorId, string Json, long? DeliveredToAccountId) : IJob<ProcessingJob>
{
    public static string Class => "ActivityPub::ProcessingWorker";
    public static string Queue => QueueNames.Ingress;
    public static JobRetry Retry => new(true, 8);

    public static ProcessingJob FromArgs(JsonElement args) =>
        new(JobArgs.Id(args, 0), JobArgs.String(args, 1), JobArgs.Count(args) > 2 && JobArgs.Number(args, 2) is > 0 ? JobArgs.Id(args, 2) : null);

    public JsonNode?[] ToArgs() => DeliveredToAccountId is { } to ? [ActorId, Json, to] : [ActorId, Json];
}
