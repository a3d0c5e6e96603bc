using Fedi.Core.ClientApi.Entities;
using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Interactions;
using Fedi.Core.Statuses;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Statuses;

/// <summary>PUT /api/v1/statuses/:id (edit), GET /api/v1/statuses/:id/history (its versions) and /source (its plain text).</summary>
public static class StatusEditEndpoints
{
    public static void MapStatusEditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/v1/statuses/{id}", Edit).RequireUser("write:statuses");
        app.MapGet("/api/v1/statuses/{id}/history", History).ScopeIfToken("read:statuses");
        app.MapGet("/api/v1/statuses/{id}/source", Source).RequireUser("read:statuses");
    }

    /// <summary>status, spoiler_text, sensitive and language, read as for a new post; only one's own status (404 otherwise).</summary>
    private static async Task<IResult> Edit(string id, HttpContext http, RequestAuth auth, RequestParameters p,
        UpdateStatusService service, StatusRenderer renderer, CancellationToken ct)
    {
        var statusId = RouteId.Parse(id);
        var status = await service.UpdateAsync(auth.RequiredAccountId, statusId, NewStatusParameters.Read(p, http, auth, new Core.Accounts.UserSettings()), ct);
        return Results.Json(await renderer.RenderAsync(status, auth.RequiredAccountId, ct));
    }

    private static async Task<IResult> History(string id, RequestAuth auth, VisibleStatuses visible,
        StatusEditStore edits, StatusEditRenderer renderer, CancellationToken ct)
    {
        var status = await visible.FindAsync(RouteId.Parse(id), auth.AccountId, ct);
        return Results.Json(await renderer.RenderAsync(status, await edits.ListAsync(status.Id, ct), ct));
    }

    private static async Task<IResult> Source(string id, RequestAuth auth, VisibleStatuses visible, CancellationToken ct)
    {
        var status = await visible.FindAsync(RouteId.Parse(id), auth.AccountId, ct);
        return Results.Json(new ApiStatusSource(ApiFormat.Id(status.Id), status.Text, status.SpoilerText));
    }
}
