using Fedi.Core.Errors;
using Fedi.Core.Interactions;
using Fedi.Core.Statuses;

namespace Fedi.Core.Federation.Inbox;

/// <summary>
/// Announce of a status stored here (Mastodon's ActivityPub::Activity::Announce): a reblog row by the remote account,
/// with the Announce's id as its uri, counted, notified and fanned out to the booster's local followers as a local
/// reblog is. Undo{Announce} removes it. Announces of statuses not stored here are ignored (nothing is fetched yet).
/// </summary>
public sealed class AnnounceActivityHandler(ActivityObjectStore objects, ReblogService reblogs) : IUndoableActivityHandler
{
    private const string PublicCollection = "https://www.w3.org/ns/activitystreams#Public";

    public string Type => "Announce";

    public async Task HandleAsync(InboxActivity activity, CancellationToken ct)
    {
        if (activity.Id is not { } id || activity.ObjectId is not { } uri || await objects.FindStatusIdAsync(uri, ct) is not { } statusId) return;
        var visibility = Addressed(activity, "to") ? StatusVisibility.Public
            : Addressed(activity, "cc") ? StatusVisibility.Unlisted
            : StatusVisibility.Private;
        try
        {
            await reblogs.ReblogAsync(activity.ActorId, statusId, visibility, applicationId: null, uri: id, ct);
        }
        catch (ApiException)
        {
            // Not visible to the actor, or not reblogable (private, direct): Mastodon ignores it too.
        }
    }

    public async Task UndoAsync(InboxActivity undone, CancellationToken ct)
    {
        if (undone.Id is not { } id || await objects.FindReblogOfAsync(undone.ActorId, id, ct) is not { } originalId) return;
        try
        {
            await reblogs.UnreblogAsync(undone.ActorId, originalId, ct);
        }
        catch (ApiException)
        {
            // The original is gone or hidden from the actor; the reblog went with it.
        }
    }

    private static bool Addressed(InboxActivity activity, string field) =>
        activity.Root.ValueKind == System.Text.Json.JsonValueKind.Object && activity.Root.TryGetProperty(field, out var value)
        && (value.ValueKind == System.Text.Json.JsonValueKind.Array ? value.EnumerateArray().Select(v => v.ToString()) : [value.ToString()])
            .Any(v => v is PublicCollection or "as:Public" or "Public");
}
