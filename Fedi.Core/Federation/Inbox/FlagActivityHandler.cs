using Microsoft.Extensions.Logging;

namespace Fedi.Core.Federation.Inbox;

/// <summary>
/// Flag (Mastodon's ActivityPub::Activity::Flag): a remote report. There is no reports table yet, so it is logged for the
/// operator at warning level and otherwise dropped; the inbox has already answered 202.
/// </summary>
public sealed class FlagActivityHandler(ILogger<FlagActivityHandler> logger) : IActivityHandler
{
    public string Type => "Flag";

    public Task HandleAsync(InboxActivity activity, CancellationToken ct)
    {
        var objects = activity.Object.ValueKind == System.Text.Json.JsonValueKind.Array
            ? string.Join(" ", activity.Object.EnumerateArray().Select(o => o.ToString()))
            : activity.ObjectId;
        logger.LogWarning("Report {Id} from {Actor} about {Objects} not stored: reports are not supported yet", activity.Id, activity.ActorUri, objects);
        return Task.CompletedTask;
    }
}
