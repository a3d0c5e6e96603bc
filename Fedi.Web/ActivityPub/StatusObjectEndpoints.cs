using Fedi.Core.Federation.Documents;
using Fedi.Core.Hosting;

namespace Fedi.Web.ActivityPub;

/// <summary>A local status as a Note (<c>/users/:username/statuses/:id</c>) and its Create (<c>…/activity</c>).</summary>
public static class StatusObjectEndpoints
{
    public static void MapStatusObjectEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/users/{username}/statuses/{id}", (string username, string id, HttpContext http, StatusObjectService service, CancellationToken ct) =>
            RenderAsync(username, id, activity: false, http, service, ct)).PublicRoute();
        routes.MapGet("/users/{username}/statuses/{id}/activity", (string username, string id, HttpContext http, StatusObjectService service, CancellationToken ct) =>
            RenderAsync(username, id, activity: true, http, service, ct)).PublicRoute();
    }

    private static async Task<IResult> RenderAsync(string username, string id, bool activity, HttpContext http, StatusObjectService service, CancellationToken ct)
    {
        if (!long.TryParse(id, out var statusId) || statusId <= 0) return ActivityPubResults.NotFound();
        var document = await service.RenderAsync(username, statusId, activity, ct);
        return ActivityPubResults.Negotiate(http, document, $"/@{username}/{statusId}");
    }
}
