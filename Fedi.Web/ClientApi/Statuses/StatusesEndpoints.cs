using Fedi.Core.Accounts;
using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Errors;
using Fedi.Core.Identifiers;
using Fedi.Core.ScheduledStatuses;
using Fedi.Core.Statuses;
using Fedi.Web.ClientApi.ScheduledStatuses;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Statuses;

/// <summary>/api/v1/statuses: post, show, delete.</summary>
public static class StatusesEndpoints
{
    public static void MapStatusesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/statuses", Post).RequireUser("write:statuses");
        app.MapGet("/api/v1/statuses/{id}", Show).ScopeIfToken("read:statuses");
        app.MapDelete("/api/v1/statuses/{id}", Delete).RequireUser("write:statuses");
    }

    private static async Task<IResult> Post(HttpContext http, RequestAuth auth, RequestParameters p,
        AccountStore accounts, UserStore users, PostStatusService service, StatusRenderer renderer,
        ScheduleStatusService scheduler, TimeProvider time, CancellationToken ct)
    {
        var author = await accounts.FindAsync(auth.RequiredAccountId, ct) ?? throw ApiException.NotFound();
        var user = await users.FindAsync(auth.RequiredUserId, ct) ?? throw ApiException.NotFound();
        var input = NewStatusParameters.Read(p, http, auth, UserSettings.Parse(user.Settings));
        if (ScheduledAtParameter.Read(p, time) is { } scheduledAt)
            return Results.Json(ScheduledStatusRenderer.Render(await scheduler.ScheduleAsync(author, input, scheduledAt, ct)));
        var status = await service.PostAsync(author, input, ct);
        return Results.Json(await renderer.RenderAsync(status, author.Id, ct));
    }

    private static async Task<IResult> Show(string id, RequestAuth auth, StatusStore statuses, StatusPolicy policy,
        StatusRenderer renderer, CancellationToken ct)
    {
        var status = Snowflake.TryParse(id) is { } statusId ? await statuses.FindAsync(statusId, ct) : null;
        if (status is null || !await policy.CanViewAsync(status, auth.AccountId, ct)) throw ApiException.NotFound();
        return Results.Json(await renderer.RenderAsync(status, auth.AccountId, ct));
    }

    /// <summary>Answers with the deleted status and its source text, so clients can "delete and redraft".</summary>
    private static async Task<IResult> Delete(string id, RequestAuth auth, DeleteStatusService service,
        StatusRenderer renderer, CancellationToken ct)
    {
        var statusId = RouteId.Parse(id);
        var status = await service.DeleteAsync(statusId, auth.RequiredAccountId, ct);
        var rendered = await renderer.RenderAsync(status, auth.RequiredAccountId, ct);
        return Results.Json(rendered with { Text = status.Text });
    }
}
