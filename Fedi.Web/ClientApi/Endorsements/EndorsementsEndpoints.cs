using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Relationships;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Endorsements;

/// <summary>/api/v1/accounts/:id/pin and /unpin (endorse an account one follows) and /api/v1/endorsements.</summary>
public static class EndorsementsEndpoints
{
    public static void MapEndorsementsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/accounts/{id}/pin", PinAsync).RequireUser("write:accounts");
        routes.MapPost("/api/v1/accounts/{id}/unpin", UnpinAsync).RequireUser("write:accounts");
        routes.MapGet("/api/v1/endorsements", ListAsync).RequireUser("read:accounts");
    }

    private static Task<IResult> PinAsync(string id, RequestAuth auth, EndorseAccountService service, RelationshipRenderer renderer, CancellationToken ct) =>
        RelationshipResult.AfterAsync(id, auth, renderer, (viewer, target) => service.EndorseAsync(viewer, target, ct), ct);

    private static Task<IResult> UnpinAsync(string id, RequestAuth auth, EndorseAccountService service, RelationshipRenderer renderer, CancellationToken ct) =>
        RelationshipResult.AfterAsync(id, auth, renderer, (viewer, target) => service.UnendorseAsync(viewer, target, ct), ct);

    private static async Task<IResult> ListAsync(HttpContext http, RequestParameters p, RequestAuth auth, EndorseAccountService service,
        AccountRenderer renderer, CancellationToken ct) =>
        http.Paged(await service.ListAsync(auth.RequiredAccountId, p.Page(Paging.Accounts), ct), renderer.Render);
}
