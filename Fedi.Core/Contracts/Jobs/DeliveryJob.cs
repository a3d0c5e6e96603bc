using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fedi.Core.Contracts.Jobs;

/// <summary>
/// ActivityPub::DeliveryWorker [json, source_account_id, inbox_url]: POSTs one activity to one inbox, signed with the
/// local source account's key. Enqueued by the inbox's activity handlers (Accept of a Follow); run by the worker's
/// <c>DeliveryHandler</c>. Mastodon's delivery retries: 16, about 2–3 days in all.
/// </summary>
public sealed record DeliveryJob(string Json, long SourceAccountId, string InboxUrl) : IJob<DeliveryJob>
{
    public static string Class => "ActivityPub::DeliveryWorker";
    public static string Queue => QueueNames.Push;
    public static JobRetry Retry => JobRetry.Delivery;

    public static DeliveryJob FromArgs(JsonElement args) => new(JobArgs.String(args, 0), JobArgs.Id(args, 1), JobArgs.String(args, 2));

    public JsonNode?[] ToArgs() => [Json, SourceAccountId, InboxUrl];
}
