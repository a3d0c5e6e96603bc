using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Relationships;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Blocks;

/// <summary>GET /api/v1/blocks: the accounts the user blocks (blocking one is under /api/v1/accounts/:id/block).</summary>
public static class BlocksEndpoints
{
    public static void MapBlocksEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/blocks", ListAsync).RequireUser("read:blocks");

    private static async Task<IResult> ListAsync(HttpContext http, RequestParameters p, RequestAuth auth, ListRelationsService service, AccountRenderer renderer, CancellationToken ct) =>
        http.Paged(await service.ListBlocksAsync(auth.RequiredAccountId, p.Page(Paging.Accounts), ct), renderer.Render);
}
