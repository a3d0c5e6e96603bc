using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Relationships;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Blocks;

/// <summary>Block and unblock an account, and the list of blocked accounts.</summary>
public static class BlocksEndpoints
{
    private const int DefaultAccountsLimit = 40;

    public static void MapBlocksEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/accounts/{id}/block", BlockAsync).RequireUser("write:blocks");
        routes.MapPost("/api/v1/accounts/{id}/unblock", UnblockAsync).RequireUser("write:blocks");
        routes.MapGet("/api/v1/blocks", ListAsync).RequireUser("read:blocks");
    }

    private static async Task<IResult> BlockAsync(string id, RequestAuth auth, BlockService service, RelationshipRenderer renderer, CancellationToken ct)
    {
        var targetId = RouteId.Parse(id);
        await service.BlockAsync(auth.RequiredAccountId, targetId, ct);
        return Results.Ok(await renderer.RenderAsync(auth.RequiredAccountId, targetId, ct));
    }

    private static async Task<IResult> UnblockAsync(string id, RequestAuth auth, UnblockService service, RelationshipRenderer renderer, CancellationToken ct)
    {
        var targetId = RouteId.Parse(id);
        await service.UnblockAsync(auth.RequiredAccountId, targetId, ct);
        return Results.Ok(await renderer.RenderAsync(auth.RequiredAccountId, targetId, ct));
    }

    private static async Task<IResult> ListAsync(HttpContext http, RequestParameters p, RequestAuth auth, ListRelationsService service, AccountRenderer renderer, CancellationToken ct)
    {
        var page = await service.ListBlocksAsync(auth.RequiredAccountId, PageRequest.From(p, DefaultAccountsLimit), ct);
        LinkHeader.Set(http, page.RowIds);
        return Results.Ok(page.Items.Select(renderer.Render).ToList());
    }

}
