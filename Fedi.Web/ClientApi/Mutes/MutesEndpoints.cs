using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Relationships;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Mutes;

/// <summary>Mute and unmute an account, and the list of muted accounts.</summary>
public static class MutesEndpoints
{
    private const int DefaultAccountsLimit = 40;

    public static void MapMutesEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/accounts/{id}/mute", MuteAsync).RequireUser("write:mutes");
        routes.MapPost("/api/v1/accounts/{id}/unmute", UnmuteAsync).RequireUser("write:mutes");
        routes.MapGet("/api/v1/mutes", ListAsync).RequireUser("read:mutes");
    }

    /// <summary>notifications defaults to true (a value sent empty reads false, as Rails' cast); duration in seconds, 0 for good.</summary>
    private static async Task<IResult> MuteAsync(string id, RequestParameters p, RequestAuth auth, MuteService service, RelationshipRenderer renderer, CancellationToken ct)
    {
        var targetId = RouteId.Parse(id);
        var notifications = p.Has("notifications") ? p.Bool("notifications") ?? false : true;
        await service.MuteAsync(auth.RequiredAccountId, targetId, notifications, p.Int("duration") ?? 0, ct);
        return Results.Ok(await renderer.RenderAsync(auth.RequiredAccountId, targetId, ct));
    }

    private static async Task<IResult> UnmuteAsync(string id, RequestAuth auth, UnmuteService service, RelationshipRenderer renderer, CancellationToken ct)
    {
        var targetId = RouteId.Parse(id);
        await service.UnmuteAsync(auth.RequiredAccountId, targetId, ct);
        return Results.Ok(await renderer.RenderAsync(auth.RequiredAccountId, targetId, ct));
    }

    private static async Task<IResult> ListAsync(HttpContext http, RequestParameters p, RequestAuth auth, ListRelationsService service, AccountRenderer renderer, CancellationToken ct)
    {
        var page = await service.ListMutesAsync(auth.RequiredAccountId, PageRequest.From(p, DefaultAccountsLimit), ct);
        LinkHeader.Set(http, page.RowIds);
        return Results.Ok(page.Items.Select(renderer.RenderMuted).ToList());
    }
}
