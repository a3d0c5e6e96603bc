using Fedi.Core.ClientApi.Rendering;

namespace Fedi.Web.Infrastructure;

/// <summary>Endpoints that act on the account in their route (follow, block, mute…) answer the viewer's relationship to it.</summary>
public static class RelationshipResult
{
    /// <summary>What the endpoint does, by the signed-in viewer to the target account.</summary>
    public delegate Task AccountAction(long viewerId, long targetId);

    /// <summary>Parses the route's account id (404 when it is not one), runs <paramref name="act"/>, renders the relationship.</summary>
    public static async Task<IResult> AfterAsync(string id, RequestAuth auth, RelationshipRenderer renderer, AccountAction act, CancellationToken ct)
    {
        var targetId = RouteId.Parse(id);
        await act(auth.RequiredAccountId, targetId);
        return Results.Ok(await renderer.RenderAsync(auth.RequiredAccountId, targetId, ct));
    }
}
