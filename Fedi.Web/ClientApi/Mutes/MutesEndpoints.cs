using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Relationships;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Mutes;

/// <summary>GET /api/v1/mutes: the accounts the user mutes (muting one is under /api/v1/accounts/:id/mute).</summary>
public static class MutesEndpoints
{
    public static void MapMutesEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/mutes", ListAsync).RequireUser("read:mutes");

    private static async Task<IResult> ListAsync(HttpContext http, RequestParameters p, RequestAuth auth, ListRelationsService service, AccountRenderer renderer, CancellationToken ct) =>
        http.Paged(await service.ListMutesAsync(auth.RequiredAccountId, p.Page(Paging.Accounts), ct), renderer.RenderMuted);
}
