using Fedi.Core.Relationships;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.DomainBlocks;

/// <summary>GET/POST/DELETE /api/v1/domain_blocks: the domains a user hides; the list is plain strings.</summary>
public static class DomainBlocksEndpoints
{
    public static void MapDomainBlocksEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/domain_blocks", ListAsync).RequireUser("read:blocks");
        routes.MapPost("/api/v1/domain_blocks", BlockAsync).RequireUser("write:blocks");
        routes.MapDelete("/api/v1/domain_blocks", UnblockAsync).RequireUser("write:blocks");
    }

    private static async Task<IResult> ListAsync(HttpContext http, RequestParameters p, RequestAuth auth, ListRelationsService service, CancellationToken ct)
    {
        var page = await service.ListDomainBlocksAsync(auth.RequiredAccountId, p.Page(Paging.DomainBlocks), ct);
        return http.Paged(page.RowIds, page.Items);
    }

    private static async Task<IResult> BlockAsync(RequestParameters p, RequestAuth auth, BlockDomainService service, CancellationToken ct)
    {
        await service.BlockAsync(auth.RequiredAccountId, p.String("domain"), ct);
        return Results.Ok(new { });
    }

    private static async Task<IResult> UnblockAsync(RequestParameters p, RequestAuth auth, UnblockDomainService service, CancellationToken ct)
    {
        await service.UnblockAsync(auth.RequiredAccountId, p.String("domain"), ct);
        return Results.Ok(new { });
    }
}
