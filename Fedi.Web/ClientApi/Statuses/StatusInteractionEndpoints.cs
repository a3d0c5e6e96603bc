using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Errors;
using Fedi.Core.Interactions;
using Fedi.Core.Statuses;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Statuses;

/// <summary>
/// /api/v1/statuses/:id/favourite, /bookmark, /reblog, /pin, /mute and their undoing, and who favourited or
/// reblogged a status. Each answers with the status as the user now sees it (the original for a reblog given).
/// </summary>
public static class StatusInteractionEndpoints
{
    public static void MapStatusInteractionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/statuses/{id}/favourite", (string id, RequestAuth auth, FavouriteService s, StatusRenderer r, CancellationToken ct) =>
            Act(auth, r, s.FavouriteAsync(auth.RequiredAccountId, RouteId.Parse(id), ct), ct)).RequireUser("write:favourites");
        app.MapPost("/api/v1/statuses/{id}/unfavourite", (string id, RequestAuth auth, FavouriteService s, StatusRenderer r, CancellationToken ct) =>
            Act(auth, r, s.UnfavouriteAsync(auth.RequiredAccountId, RouteId.Parse(id), ct), ct)).RequireUser("write:favourites");
        app.MapPost("/api/v1/statuses/{id}/bookmark", (string id, RequestAuth auth, BookmarkService s, StatusRenderer r, CancellationToken ct) =>
            Act(auth, r, s.BookmarkAsync(auth.RequiredAccountId, RouteId.Parse(id), ct), ct)).RequireUser("write:bookmarks");
        app.MapPost("/api/v1/statuses/{id}/unbookmark", (string id, RequestAuth auth, BookmarkService s, StatusRenderer r, CancellationToken ct) =>
            Act(auth, r, s.UnbookmarkAsync(auth.RequiredAccountId, RouteId.Parse(id), ct), ct)).RequireUser("write:bookmarks");
        app.MapPost("/api/v1/statuses/{id}/reblog", Reblog).RequireUser("write:statuses");
        app.MapPost("/api/v1/statuses/{id}/unreblog", (string id, RequestAuth auth, ReblogService s, StatusRenderer r, CancellationToken ct) =>
            Act(auth, r, s.UnreblogAsync(auth.RequiredAccountId, RouteId.Parse(id), ct), ct)).RequireUser("write:statuses");
        app.MapPost("/api/v1/statuses/{id}/pin", (string id, RequestAuth auth, PinService s, StatusRenderer r, CancellationToken ct) =>
            Act(auth, r, s.PinAsync(auth.RequiredAccountId, RouteId.Parse(id), ct), ct)).RequireUser("write:accounts");
        app.MapPost("/api/v1/statuses/{id}/unpin", (string id, RequestAuth auth, PinService s, StatusRenderer r, CancellationToken ct) =>
            Act(auth, r, s.UnpinAsync(auth.RequiredAccountId, RouteId.Parse(id), ct), ct)).RequireUser("write:accounts");
        app.MapPost("/api/v1/statuses/{id}/mute", (string id, RequestAuth auth, ConversationMuteService s, StatusRenderer r, CancellationToken ct) =>
            Act(auth, r, s.MuteAsync(auth.RequiredAccountId, RouteId.Parse(id), ct), ct)).RequireUser("write:mutes");
        app.MapPost("/api/v1/statuses/{id}/unmute", (string id, RequestAuth auth, ConversationMuteService s, StatusRenderer r, CancellationToken ct) =>
            Act(auth, r, s.UnmuteAsync(auth.RequiredAccountId, RouteId.Parse(id), ct), ct)).RequireUser("write:mutes");
        app.MapGet("/api/v1/statuses/{id}/favourited_by", FavouritedBy).ScopeIfToken("read:accounts");
        app.MapGet("/api/v1/statuses/{id}/reblogged_by", RebloggedBy).ScopeIfToken("read:accounts");
    }

    /// <summary>visibility: public, unlisted or private (anything else is refused); a private original keeps its reblog private.</summary>
    private static async Task<IResult> Reblog(string id, RequestAuth auth, RequestParameters p, ReblogService service,
        StatusRenderer renderer, CancellationToken ct)
    {
        var statusId = RouteId.Parse(id);
        StatusVisibility? visibility = null;
        if (p.String("visibility") is { Length: > 0 } name)
            visibility = StatusVisibilityNames.FromApi(name) is { } v and not StatusVisibility.Direct
                ? v
                : throw ApiException.Unprocessable("Validation failed: Visibility is not included in the list");
        return await Act(auth, renderer, service.ReblogAsync(auth.RequiredAccountId, statusId, visibility, auth.Token?.ApplicationId, ct), ct);
    }

    private static async Task<IResult> FavouritedBy(string id, HttpContext http, RequestAuth auth, RequestParameters p,
        ListInteractionsService service, AccountRenderer renderer, CancellationToken ct) =>
        http.Paged(await service.ListFavouritedByAsync(RouteId.Parse(id), auth.AccountId, p.Page(Paging.Accounts), ct), renderer.Render);

    private static async Task<IResult> RebloggedBy(string id, HttpContext http, RequestAuth auth, RequestParameters p,
        ListInteractionsService service, AccountRenderer renderer, CancellationToken ct) =>
        http.Paged(await service.ListRebloggedByAsync(RouteId.Parse(id), auth.AccountId, p.Page(Paging.Accounts), ct), renderer.Render);

    private static async Task<IResult> Act(RequestAuth auth, StatusRenderer renderer, Task<Status> action, CancellationToken ct) =>
        Results.Json(await renderer.RenderAsync(await action, auth.RequiredAccountId, ct));
}
