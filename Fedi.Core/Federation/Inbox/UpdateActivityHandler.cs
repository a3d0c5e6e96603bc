using Fedi.Core.Federation.Remote;
using Fedi.Core.Statuses;
using Npgsql;

namespace Fedi.Core.Federation.Inbox;

/// <summary>
/// Update (Mastodon's ActivityPub::Activity::Update): of a Note, the actor's own stored status is edited with its history
/// kept, as a local edit is; of the actor itself, its profile is stored again. Updates of anyone else's objects are ignored.
/// </summary>
public sealed class UpdateActivityHandler(
    NpgsqlDataSource db, RemoteStatusStore remote, StatusStore statuses, RemoteNoteParser parser, UpdateStatusService updates,
    RemoteAccountStore accounts) : IActivityHandler
{
    private static readonly string[] ActorTypes = ["Person", "Service", "Application", "Group", "Organization"];

    public string Type => "Update";

    public async Task HandleAsync(InboxActivity activity, CancellationToken ct)
    {
        if (activity.ObjectType == "Note") await UpdateNoteAsync(activity, ct);
        else if (activity.ObjectType is { } type && ActorTypes.Contains(type) && activity.ObjectId == activity.ActorUri)
        {
            if (ActorParser.Parse(activity.Object, new Uri(activity.ActorUri)) is { } actor && actor.Uri == activity.ActorUri)
                await accounts.UpsertAsync(actor, ct);
        }
    }

    private async Task UpdateNoteAsync(InboxActivity activity, CancellationToken ct)
    {
        if (parser.Parse(activity.Object, activity.ActorId, activity.ActorUri) is not { } edited) return;
        long? id;
        await using (var conn = await db.OpenConnectionAsync(ct))
            id = await remote.FindLiveIdAsync(conn, edited.Uri, activity.ActorId, ct);
        if (id is null || await statuses.FindAsync(id.Value, ct) is not { } status) return;
        await updates.ApplyAsync(status, status with
        {
            Text = edited.Html,
            SpoilerText = edited.SpoilerText,
            Sensitive = edited.Sensitive,
            Language = edited.Language ?? status.Language,
        }, ct);
    }
}
