using Fedi.Core.Follows;

namespace Fedi.Core.Federation.Inbox;

/// <summary>
/// Undo (Mastodon's ActivityPub::Activity::Undo): of a Follow, the follow or the pending request is removed; of a Like,
/// Announce or Block, that activity's handler takes it back. A bare URI is taken for an Announce's id, as Mastodon
/// does. The undone activity must be the undoing actor's own; other undos are ignored.
/// </summary>
public sealed class UndoActivityHandler(
    LocalActors locals, UnfollowService unfollow, InboxStore store, IEnumerable<IUndoableActivityHandler> undoables) : IActivityHandler
{
    private readonly Dictionary<string, IUndoableActivityHandler> _byType = undoables.ToDictionary(h => h.Type, StringComparer.Ordinal);

    public string Type => "Undo";

    public async Task HandleAsync(InboxActivity activity, CancellationToken ct)
    {
        if (Undone(activity) is not { } undone) return;
        if (undone.Type == "Follow")
        {
            if (await locals.FindAsync(undone.ObjectId, ct) is not { } local) return;
            await store.DeleteFollowRequestAsync(activity.ActorId, local.Id, ct);
            await unfollow.UnfollowAsync(activity.ActorId, local.Id, ct);
        }
        else if (_byType.TryGetValue(undone.Type, out var handler)) await handler.UndoAsync(undone, ct);
    }

    private static InboxActivity? Undone(InboxActivity undo)
    {
        if (undo.Object.ValueKind == System.Text.Json.JsonValueKind.String)
            return undo with { Type = "Announce", Id = undo.Object.GetString(), Object = default, Root = default };
        if (undo.ObjectType is not { } type) return null;
        var actor = InboxActivity.Str(undo.Object, "actor");
        if (actor is not null && actor != undo.ActorUri) return null;
        var inner = undo.Object.TryGetProperty("object", out var o) ? o.Clone() : default;
        return undo with { Type = type, Id = InboxActivity.Str(undo.Object, "id"), Object = inner, Root = undo.Object };
    }
}
