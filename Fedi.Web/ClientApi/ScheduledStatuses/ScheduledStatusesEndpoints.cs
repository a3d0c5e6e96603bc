using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Errors;
using Fedi.Core.ScheduledStatuses;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.ScheduledStatuses;

/// <summary>/api/v1/scheduled_statuses: the user's scheduled posts, listed (Link header), shown, moved and cancelled.
/// Posting one is <c>scheduled_at</c> on POST /api/v1/statuses.</summary>
public static class ScheduledStatusesEndpoints
{
    public static void MapScheduledStatusesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/scheduled_statuses", List).RequireUser("read:statuses");
        app.MapGet("/api/v1/scheduled_statuses/{id}", Show).RequireUser("read:statuses");
        app.MapPut("/api/v1/scheduled_statuses/{id}", Update).RequireUser("write:statuses");
        app.MapDelete("/api/v1/scheduled_statuses/{id}", Delete).RequireUser("write:statuses");
    }

    private static async Task<IResult> List(HttpContext http, RequestAuth auth, RequestParameters p, ScheduledStatusStore store, CancellationToken ct)
    {
        var page = await store.ListPageAsync(auth.RequiredAccountId, p.Page(Paging.Statuses), ct);
        return http.Paged(page.Select(s => s.Id).ToList(), page.Select(ScheduledStatusRenderer.Render).ToList());
    }

    private static async Task<IResult> Show(string id, RequestAuth auth, ScheduledStatusStore store, CancellationToken ct)
    {
        var row = await store.FindAsync(RouteId.Parse(id), auth.RequiredAccountId, ct) ?? throw ApiException.NotFound();
        return Results.Json(ScheduledStatusRenderer.Render(row));
    }

    private static async Task<IResult> Update(string id, RequestAuth auth, RequestParameters p, RescheduleStatusService service,
        TimeProvider time, CancellationToken ct)
    {
        var row = await service.RescheduleAsync(RouteId.Parse(id), auth.RequiredAccountId, ScheduledAtParameter.Read(p, time, required: true)!.Value, ct);
        return Results.Json(ScheduledStatusRenderer.Render(row));
    }

    private static async Task<IResult> Delete(string id, RequestAuth auth, ScheduledStatusStore store, CancellationToken ct)
    {
        if (!await store.DeleteAsync(RouteId.Parse(id), auth.RequiredAccountId, ct)) throw ApiException.NotFound();
        return Results.Json(new { });
    }
}
