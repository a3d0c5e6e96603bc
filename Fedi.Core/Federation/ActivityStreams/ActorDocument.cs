using System.Net;
using System.Text.Json.Nodes;
using Fedi.Core.Accounts;

namespace Fedi.Core.Federation.ActivityStreams;

/// <summary>A local actor as peers read it (Mastodon's ActivityPub::ActorSerializer).</summary>
public sealed class ActorDocument(LocalUris uris)
{
    /// <summary>Person for people, Service for bots and the instance actor.</summary>
    public JsonObject Render(Account account, string publicKeyPem)
    {
        var instanceActor = account.Id == LocalUris.InstanceActorId;
        var id = uris.ActorOf(account.Id, account.Username);
        var missingAvatar = $"{uris.Base}/avatars/original/missing.png";
        var missingHeader = $"{uris.Base}/headers/original/missing.png";
        var actor = new JsonObject
        {
            ["@context"] = ActivityContext.Actor(),
            ["id"] = id,
            ["type"] = instanceActor || account.Bot ? "Service" : "Person",
            ["following"] = instanceActor ? null : uris.Following(account.Username),
            ["followers"] = instanceActor ? null : uris.Followers(account.Username),
            ["inbox"] = instanceActor ? $"{id}/inbox" : uris.Inbox(account.Username),
            ["outbox"] = instanceActor ? $"{id}/outbox" : uris.Outbox(account.Username),
            ["featured"] = instanceActor ? null : uris.Featured(account.Username),
            ["preferredUsername"] = account.Username,
            ["name"] = account.DisplayName,
            ["summary"] = NoteHtml(account.Note),
            ["url"] = instanceActor ? $"{uris.Base}/about/more?instance_actor=true" : uris.Profile(account.Username),
            ["manuallyApprovesFollowers"] = instanceActor || account.Locked,
            ["discoverable"] = !instanceActor && (account.Discoverable ?? false),
            ["indexable"] = false,
            ["published"] = Iso(account.CreatedAt),
            ["publicKey"] = new JsonObject
            {
                ["id"] = uris.KeyId(id),
                ["owner"] = id,
                ["publicKeyPem"] = publicKeyPem,
            },
            ["endpoints"] = new JsonObject { ["sharedInbox"] = uris.SharedInbox },
            ["icon"] = Image(missingAvatar),
            ["image"] = Image(missingHeader),
        };
        foreach (var key in actor.Where(p => p.Value is null).Select(p => p.Key).ToList()) actor.Remove(key);
        return actor;
    }

    private static JsonObject Image(string url) => new() { ["type"] = "Image", ["mediaType"] = "image/png", ["url"] = url };

    /// <summary>A local bio is plain text: escaped, line breaks kept, in one paragraph as Mastodon renders it.</summary>
    private static string NoteHtml(string note) =>
        note.Length == 0 ? "" : $"<p>{WebUtility.HtmlEncode(note).Replace("\r\n", "\n").Replace("\n", "<br />")}</p>";

    public static string Iso(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
}
