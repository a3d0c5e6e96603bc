using Fedi.Core.Announcements;
using Fedi.Core.ClientApi.Rendering;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Announcements;

/// <summary>/api/v1/announcements: what the admins announce (`announcements add`), dismissed and reacted to by each user.</summary>
public static class AnnouncementsEndpoints
{
    public static void MapAnnouncementsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/announcements", IndexAsync).RequireUser("read");
        app.MapPost("/api/v1/announcements/{id}/dismiss", DismissAsync).RequireUser("write:accounts");
        app.MapPut("/api/v1/announcements/{id}/reactions/{name}", ReactAsync).RequireUser("write:favourites");
        app.MapDelete("/api/v1/announcements/{id}/reactions/{name}", UnreactAsync).RequireUser("write:favourites");
    }

    private static async Task<IResult> IndexAsync(RequestParameters p, RequestAuth auth, AnnouncementStore announcements,
        AnnouncementRenderer renderer, CancellationToken ct)
    {
        var rows = await announcements.ListActiveAsync(auth.RequiredAccountId, p.Bool("with_dismissed") ?? false, ct);
        return Results.Ok(await renderer.RenderManyAsync(rows, auth.RequiredAccountId, ct));
    }

    private static async Task<IResult> DismissAsync(string id, RequestAuth auth, AnnouncementStore announcements, CancellationToken ct) =>
        await announcements.DismissAsync(auth.RequiredAccountId, RouteId.Parse(id), ct)
            ? Results.Ok(new { })
            : throw Core.Errors.ApiException.NotFound();

    private static async Task<IResult> ReactAsync(string id, string name, RequestAuth auth, ReactToAnnouncementService reactions, CancellationToken ct)
    {
        await reactions.ReactAsync(auth.RequiredAccountId, RouteId.Parse(id), name, ct);
        return Results.Ok(new { });
    }

    private static async Task<IResult> UnreactAsync(string id, string name, RequestAuth auth, ReactToAnnouncementService reactions, CancellationToken ct)
    {
        await reactions.UnreactAsync(auth.RequiredAccountId, RouteId.Parse(id), name, ct);
        return Results.Ok(new { });
    }
}
