using System.Globalization;
using System.Text.Json.Nodes;

namespace Fedi.Core.Federation.ActivityStreams;

/// <summary>
/// Ordered collections as Mastodon pages them: the collection names its total and its first page; each page
/// (<c>?page=true</c>, then <c>&amp;max_id=</c>) holds the items, newest first, and links the next page.
/// </summary>
public static class CollectionDocument
{
    public static JsonObject Collection(string id, long totalItems) => new()
    {
        ["@context"] = ActivityContext.ActivityStreams,
        ["id"] = id,
        ["type"] = "OrderedCollection",
        ["totalItems"] = totalItems,
        ["first"] = $"{id}?page=true",
    };

    /// <param name="nextMaxId">the cursor of the next page, null on the last one.</param>
    public static JsonObject Page(string collectionId, long? maxId, long totalItems, IEnumerable<JsonNode> items, long? nextMaxId)
    {
        var page = new JsonObject
        {
            ["@context"] = ActivityContext.ActivityStreams,
            ["id"] = PageId(collectionId, maxId),
            ["type"] = "OrderedCollectionPage",
            ["totalItems"] = totalItems,
            ["partOf"] = collectionId,
            ["orderedItems"] = new JsonArray(items.ToArray()),
        };
        if (nextMaxId is { } next) page["next"] = PageId(collectionId, next);
        return page;
    }

    private static string PageId(string collectionId, long? maxId) =>
        maxId is { } id ? $"{collectionId}?page=true&max_id={id.ToString(CultureInfo.InvariantCulture)}" : $"{collectionId}?page=true";
}
