using Fedi.Core.Errors;
using Fedi.Core.Interactions;

namespace Fedi.Core.Federation.Inbox;

/// <summary>
/// Like of a status stored here (Mastodon's ActivityPub::Activity::Like): a favourite by the remote account, counted and
/// notified as a local one; Undo{Like} takes it back. A status the actor may not see, or not stored, is ignored.
/// </summary>
public sealed class LikeActivityHandler(ActivityObjectStore objects, FavouriteService favourites) : IUndoableActivityHandler
{
    public string Type => "Like";

    public async Task HandleAsync(InboxActivity activity, CancellationToken ct)
    {
        if (activity.ObjectId is not { } uri || await objects.FindStatusIdAsync(uri, ct) is not { } statusId) return;
        try
        {
            await favourites.FavouriteAsync(activity.ActorId, statusId, ct);
        }
        catch (ApiException)
        {
            // Not visible to the actor: nothing to count.
        }
    }

    public async Task UndoAsync(InboxActivity undone, CancellationToken ct)
    {
        if (undone.ObjectId is not { } uri || await objects.FindStatusIdAsync(uri, ct) is not { } statusId) return;
        try
        {
            await favourites.UnfavouriteAsync(undone.ActorId, statusId, ct);
        }
        catch (ApiException)
        {
            // Not visible to the actor: it cannot have been favourited.
        }
    }
}
