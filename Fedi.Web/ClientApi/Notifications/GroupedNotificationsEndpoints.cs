using Fedi.Core.Errors;
using Fedi.Core.Notifications;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Notifications;

/// <summary>/api/v2/notifications: Mastodon 4.3's grouped notifications (favourites, reblogs and follows folded per status).</summary>
public static class GroupedNotificationsEndpoints
{
    public static void MapGroupedNotificationsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v2/notifications", IndexAsync).RequireUser("read:notifications");
        app.MapGet("/api/v2/notifications/unread_count", UnreadCountAsync).RequireUser("read:notifications");
        app.MapGet("/api/v2/notifications/{groupKey}", ShowAsync).RequireUser("read:notifications");
        app.MapGet("/api/v2/notifications/{groupKey}/accounts", AccountsAsync).RequireUser("read:notifications");
        app.MapPost("/api/v2/notifications/{groupKey}/dismiss", DismissAsync).RequireUser("write:notifications");
    }

    private static async Task<IResult> IndexAsync(HttpContext http, RequestParameters p, RequestAuth auth, ListNotificationsService service,
        NotificationRenderer renderer, CancellationToken ct)
    {
        var (groups, page) = await service.ListGroupsAsync(auth.RequiredAccountId, p.Filter(), p.Page(NotificationParameters.PageSize), ct);
        return http.Paged(page.Select(n => n.Id).ToList(), await renderer.RenderGroupsAsync(groups, auth.RequiredAccountId, ct));
    }

    private static async Task<IResult> ShowAsync(string groupKey, RequestAuth auth, ListNotificationsService service, NotificationRenderer renderer,
        CancellationToken ct)
    {
        var group = await service.FindGroupAsync(auth.RequiredAccountId, groupKey, ct) ?? throw ApiException.NotFound();
        var rendered = await renderer.RenderGroupsAsync([group], auth.RequiredAccountId, ct);
        return rendered.NotificationGroups.Count == 0 ? throw ApiException.NotFound() : Results.Ok(rendered);
    }

    /// <summary>Every account of the group, newest first (Mastodon's /api/v2/notifications/:group_key/accounts).</summary>
    private static async Task<IResult> AccountsAsync(string groupKey, RequestAuth auth, ListNotificationsService service, NotificationRenderer renderer,
        CancellationToken ct)
    {
        var group = await service.FindGroupAsync(auth.RequiredAccountId, groupKey, ct) ?? throw ApiException.NotFound();
        var rendered = await renderer.RenderManyAsync(group.Notifications, auth.RequiredAccountId, ct);
        return Results.Ok(rendered.Select(n => n.Account).DistinctBy(a => a.Id).ToList());
    }

    private static async Task<IResult> UnreadCountAsync(RequestParameters p, RequestAuth auth, ListNotificationsService service, CancellationToken ct) =>
        Results.Ok(new { count = await service.CountUnreadAsync(auth.RequiredAccountId, p.Filter(), p.Int("limit"), groups: true, ct) });

    private static async Task<IResult> DismissAsync(string groupKey, RequestAuth auth, NotificationStore notifications, CancellationToken ct)
    {
        if (!await notifications.DeleteGroupAsync(auth.RequiredAccountId, groupKey, ct)) throw ApiException.NotFound();
        return Results.Ok(new { });
    }
}
