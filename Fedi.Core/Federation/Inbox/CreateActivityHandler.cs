namespace Fedi.Core.Federation.Inbox;

/// <summary>
/// Create{Note} (Mastodon's ActivityPub::Activity::Create): stored only when someone here follows the actor, then
/// fanned out to those followers' home feeds by the distribution job. Other objects, repeats, and Notes whose Delete
/// arrived first are ignored.
/// </summary>
public sealed class CreateActivityHandler(RemoteNoteParser parser, InboxStore store, StoreRemoteStatusService storeStatus, DeletedObjects deleted)
    : IActivityHandler
{
    public string Type => "Create";

    public async Task HandleAsync(InboxActivity activity, CancellationToken ct)
    {
        if (activity.ObjectType != "Note") return;
        if (parser.Parse(activity.Object, activity.ActorId, activity.ActorUri) is not { } status) return;
        if (await deleted.ArrivedFirstAsync(activity.ActorId, status.Uri)) return;
        if (!await store.HasLocalFollowersAsync(activity.ActorId, ct)) return;
        await storeStatus.StoreAsync(status, ct);
    }
}
