using Fedi.Core.Federation.Documents;
using Fedi.Core.Hosting;

namespace Fedi.Web.ActivityPub;

/// <summary>Actor documents and their collections: <c>/users/:username</c>, the instance actor <c>/actor</c>.</summary>
public static class ActorEndpoints
{
    public static void MapActorEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/users/{username}", ActorAsync).PublicRoute();
        routes.MapGet("/actor", async (HttpContext http, LocalActorService actors, CancellationToken ct) =>
            ActivityPubResults.Negotiate(http, await actors.RenderInstanceActorAsync(ct), "/about/more?instance_actor=true")).PublicRoute();
        routes.MapGet("/users/{username}/outbox", (string username, HttpContext http, LocalActorService actors, CollectionService collections, CancellationToken ct) =>
            CollectionAsync(username, ActorCollection.Outbox, http, actors, collections, ct)).PublicRoute();
        routes.MapGet("/users/{username}/followers", (string username, HttpContext http, LocalActorService actors, CollectionService collections, CancellationToken ct) =>
            CollectionAsync(username, ActorCollection.Followers, http, actors, collections, ct)).PublicRoute();
        routes.MapGet("/users/{username}/following", (string username, HttpContext http, LocalActorService actors, CollectionService collections, CancellationToken ct) =>
            CollectionAsync(username, ActorCollection.Following, http, actors, collections, ct)).PublicRoute();
        routes.MapGet("/users/{username}/collections/featured", (string username, HttpContext http, LocalActorService actors, CollectionService collections, CancellationToken ct) =>
            CollectionAsync(username, ActorCollection.Featured, http, actors, collections, ct)).PublicRoute();
    }

    private static async Task<IResult> ActorAsync(string username, HttpContext http, LocalActorService actors, CancellationToken ct) =>
        ActivityPubResults.Negotiate(http, await actors.RenderAsync(username, ct), $"/@{username}");

    private static async Task<IResult> CollectionAsync(string username, ActorCollection collection, HttpContext http,
        LocalActorService actors, CollectionService collections, CancellationToken ct)
    {
        if (await actors.FindAsync(username, ct) is not { } actor) return ActivityPubResults.NotFound();
        var query = http.Request.Query;
        var page = query["page"].ToString() is "true" or "1";
        long? maxId = long.TryParse(query["max_id"].ToString(), out var id) && id > 0 ? id : null;
        return ActivityPubResults.Document(http, await collections.RenderAsync(actor, collection, page, maxId, ct));
    }
}
