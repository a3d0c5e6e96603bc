using System.Text.Json.Nodes;
using Fedi.Core.Accounts;
using Fedi.Core.Data;
using Fedi.Core.Federation.ActivityStreams;
using Fedi.Core.Follows;
using Fedi.Core.Timelines;

namespace Fedi.Core.Federation.Documents;

/// <summary>Which collection of an actor is asked for.</summary>
public enum ActorCollection { Outbox, Followers, Following, Featured }

/// <summary>
/// A local actor's outbox (Creates of its public and unlisted statuses), followers, following and featured
/// collections, or one page of them (<paramref name="page"/> true; <c>max_id</c> the cursor).
/// </summary>
public sealed class CollectionService(
    TimelineStore timelines, FollowStore follows, AccountStore accounts, NoteSources sources, NoteDocument notes, LocalUris uris)
{
    public const int PageSize = 20;

    public async Task<JsonObject> RenderAsync(Account actor, ActorCollection collection, bool page, long? maxId, CancellationToken ct = default)
    {
        var (id, total) = collection switch
        {
            ActorCollection.Outbox => (uris.Outbox(actor.Username), actor.StatusesCount),
            ActorCollection.Followers => (uris.Followers(actor.Username), actor.FollowersCount),
            ActorCollection.Following => (uris.Following(actor.Username), actor.FollowingCount),
            _ => (uris.Featured(actor.Username), 0L),
        };
        if (collection == ActorCollection.Featured)
            return new JsonObject
            {
                ["@context"] = ActivityContext.ActivityStreams, ["id"] = id, ["type"] = "OrderedCollection",
                ["totalItems"] = 0, ["orderedItems"] = new JsonArray(),
            };
        if (!page) return CollectionDocument.Collection(id, total);

        var cursor = new Page(maxId, null, null, PageSize);
        var (items, last) = collection == ActorCollection.Outbox
            ? await OutboxAsync(actor, cursor, ct)
            : await FollowsAsync(actor, collection == ActorCollection.Followers, cursor, ct);
        return CollectionDocument.Page(id, maxId, total, items, items.Count == PageSize ? last : null);
    }

    private async Task<(List<JsonNode> Items, long? Last)> OutboxAsync(Account actor, Page cursor, CancellationToken ct)
    {
        var rows = await timelines.ListByAccountAsync(actor.Id, viewerId: null, cursor, excludeReplies: false, onlyMedia: false, ct);
        var loaded = await sources.LoadAsync(rows, ct);
        return (loaded.Select(s => (JsonNode)Strip(notes.RenderCreate(s))).ToList(), rows.Count > 0 ? rows[^1].Id : null);
    }

    private async Task<(List<JsonNode> Items, long? Last)> FollowsAsync(Account actor, bool followers, Page cursor, CancellationToken ct)
    {
        var rows = await follows.ListPageAsync(actor.Id, followers, cursor, ct);
        var byId = (await accounts.ListAsync(rows.Select(r => r.AccountId).ToList(), ct)).ToDictionary(a => a.Id);
        var items = rows.Where(r => byId.ContainsKey(r.AccountId))
            .Select(r => (JsonNode)JsonValue.Create(byId[r.AccountId].Uri)!).ToList();
        return (items, rows.Count > 0 ? rows[^1].FollowId : null);
    }

    /// <summary>Items inside a page share the page's context.</summary>
    private static JsonObject Strip(JsonObject activity)
    {
        activity.Remove("@context");
        return activity;
    }
}
