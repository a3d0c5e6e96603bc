using Fedi.Core.Errors;
using Fedi.Core.Notifications;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Notifications;

/// <summary>
/// /api/v1/notifications: the user's notifications, one by one; maps v2's grouped ones
/// (<see cref="GroupedNotificationsEndpoints"/>) and the policy (<see cref="NotificationPolicyEndpoints"/>) with them.
/// </summary>
public static class NotificationsEndpoints
{
    public static void MapNotificationsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/notifications", IndexAsync).RequireUser("read:notifications");
        app.MapGet("/api/v1/notifications/unread_count", UnreadCountAsync).RequireUser("read:notifications");
        app.MapGet("/api/v1/notifications/{id}", ShowAsync).RequireUser("read:notifications");
        app.MapPost("/api/v1/notifications/clear", ClearAsync).RequireUser("write:notifications");
        app.MapPost("/api/v1/notifications/{id}/dismiss", DismissAsync).RequireUser("write:notifications");
        app.MapGroupedNotificationsEndpoints();
        app.MapNotificationPolicyEndpoints();
    }

    private static async Task<IResult> IndexAsync(HttpContext http, RequestParameters p, RequestAuth auth, ListNotificationsService service,
        NotificationRenderer renderer, CancellationToken ct)
    {
        var page = await service.ListAsync(auth.RequiredAccountId, p.Filter(), p.Page(NotificationParameters.PageSize), ct);
        return http.Paged(page.Select(n => n.Id).ToList(), await renderer.RenderManyAsync(page, auth.RequiredAccountId, ct));
    }

    private static async Task<IResult> ShowAsync(string id, RequestAuth auth, NotificationStore notifications, NotificationRenderer renderer, CancellationToken ct)
    {
        var notification = await notifications.FindAsync(RouteId.Parse(id), auth.RequiredAccountId, ct) ?? throw ApiException.NotFound();
        return Results.Ok(await renderer.RenderAsync(notification, auth.RequiredAccountId, ct) ?? throw ApiException.NotFound());
    }

    private static async Task<IResult> UnreadCountAsync(RequestParameters p, RequestAuth auth, ListNotificationsService service, CancellationToken ct) =>
        Results.Ok(new { count = await service.CountUnreadAsync(auth.RequiredAccountId, p.Filter(), p.Int("limit"), groups: false, ct) });

    private static async Task<IResult> ClearAsync(RequestAuth auth, NotificationStore notifications, CancellationToken ct)
    {
        await notifications.DeleteAllAsync(auth.RequiredAccountId, ct);
        return Results.Ok(new { });
    }

    private static async Task<IResult> DismissAsync(string id, RequestAuth auth, NotificationStore notifications, CancellationToken ct)
    {
        if (!await notifications.DeleteAsync(RouteId.Parse(id), auth.RequiredAccountId, ct)) throw ApiException.NotFound();
        return Results.Ok(new { });
    }
}
