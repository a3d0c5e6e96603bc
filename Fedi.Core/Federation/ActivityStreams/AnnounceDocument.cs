using System.Text.Json.Nodes;
using Fedi.Core.Accounts;
using Fedi.Core.Statuses;

namespace Fedi.Core.Federation.ActivityStreams;

/// <summary>
/// A local reblog as an Announce of the original's URI, and its Undo (Mastodon's ActivitySerializer for a reblog and
/// UndoAnnounceSerializer). Addressed as the reblog's visibility says, with the original's author always in cc.
/// </summary>
public sealed class AnnounceDocument(LocalUris uris)
{
    public JsonObject Render(Status reblog, Account booster, string originalUri, string originalAuthorUri)
    {
        var followers = uris.Followers(booster.Username);
        var (to, cc) = reblog.Visibility switch
        {
            StatusVisibility.Public => (new JsonArray(ActivityContext.Public), new JsonArray(originalAuthorUri, followers)),
            StatusVisibility.Unlisted => (new JsonArray(followers), new JsonArray(ActivityContext.Public, originalAuthorUri)),
            _ => (new JsonArray(followers), new JsonArray(originalAuthorUri)),
        };
        return new JsonObject
        {
            ["@context"] = ActivityContext.ActivityStreams,
            ["id"] = reblog.Uri ?? uris.StatusActivity(booster.Username, reblog.Id),
            ["type"] = "Announce",
            ["actor"] = uris.Actor(booster.Username),
            ["published"] = ActorDocument.Iso(reblog.CreatedAt),
            ["to"] = to,
            ["cc"] = cc,
            ["object"] = originalUri,
        };
    }

    public JsonObject RenderUndo(Status reblog, Account booster, string originalUri, string originalAuthorUri)
    {
        var announce = Render(reblog, booster, originalUri, originalAuthorUri);
        announce.Remove("@context");
        return new JsonObject
        {
            ["@context"] = ActivityContext.ActivityStreams,
            ["id"] = $"{announce["id"]}#undo",
            ["type"] = "Undo",
            ["actor"] = announce["actor"]!.DeepClone(),
            ["to"] = announce["to"]!.DeepClone(),
            ["cc"] = announce["cc"]!.DeepClone(),
            ["object"] = announce,
        };
    }
}
