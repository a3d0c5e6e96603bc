using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fedi.Core.Contracts.Jobs;

/// <summary>
/// LocalNotificationWorker [recipient_account_id, from_account_id, type, status_id or null]: notifies a local
/// account (type: Mastodon's wire name, e.g. "follow", "follow_request", "admin.sign_up"). Fedi's arguments name
/// the sender and status directly instead of Mastodon's (activity id, activity class). Enqueued by the services
/// that act on someone without loading the notifier (<c>FollowService</c>, <c>AuthorizeFollowService</c>,
/// sign-up); run by <c>LocalNotificationHandler</c> (<c>NotifyService.NotifyAsync</c>). An unknown type is dropped.
/// </summary>
public sealed record LocalNotificationJob(long RecipientAccountId, long FromAccountId, string Type, long? StatusId) : IJob<LocalNotificationJob>
{
    public static string Class => "LocalNotificationWorker";
    public static string Queue => QueueNames.Default;
    public static JobRetry Retry => JobRetry.Default;

    public static LocalNotificationJob FromArgs(JsonElement args) =>
        new(JobArgs.Id(args, 0), JobArgs.Id(args, 1), JobArgs.String(args, 2), JobArgs.Number(args, 3) is > 0 ? JobArgs.Id(args, 3) : null);

    public JsonNode?[] ToArgs() => [RecipientAccountId, FromAccountId, Type, StatusId];
}
