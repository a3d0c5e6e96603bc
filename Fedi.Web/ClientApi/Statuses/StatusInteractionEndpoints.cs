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
        app.MapAction<FavouriteService>("favourite", "write:favourites", (s, account, status, ct) => s.FavouriteAsync(account, status, ct));
        app.MapAction<FavouriteService>("unfavourite", "write:favourites", (s, account, status, ct) => s.UnfavouriteAsync(account, status, ct));
        app.MapAction<BookmarkService>("bookmark", "write:bookmarks", (s, account, status, ct) => s.BookmarkAsync(account, status, ct));
        app.MapAction<BookmarkService>("unbookmark", "write:bookmarks", (s, account, status, ct) => s.UnbookmarkAsync(account, status, ct));
        app.MapPost("/api/v1/statuses/{id}/reblog", Reblog).RequireUser("write:statuses");
        app.MapAction<ReblogService>("unreblog", "write:statuses", (s, account, status, ct) => s.UnreblogAsync(account, status, ct));
        app.MapAction<PinService>("pin", "write:accounts", (s, account, status, ct) => s.PinAsync(account, status, ct));
        app.MapAction<PinService>("unpin", "write:accounts", (s, account, status, ct) => s.UnpinAsync(account, status, ct));
        app.MapAction<ConversationMuteService>("mute", "write:mutes", (s, account, status, ct) => s.MuteAsync(account, status, ct));
        app.MapAction<ConversationMuteService>("unmute", "write:mutes", (s, account, status, ct) => s.UnmuteAsync(account, status, ct));
        app.MapGet("/api/v1/statuses/{id}/favourited_by", FavouritedBy).ScopeIfToken("read:accounts");
        app.MapGet("/api/v1/statuses/{id}/reblogged_by", RebloggedBy).ScopeIfToken("read:accounts");
    }

    /// <summary>POST /api/v1/statuses/:id/<paramref name="action"/>: the user acts on the status through <typeparamref name="TService"/>.</summary>
    private static void MapAction<TService>(this IEndpointRouteBuilder app, string action, string scope,
        Func<TService, long, long, CancellationToken, Task<Status>> act) where TService : notnull =>
        app.MapPost($"/api/v1/statuses/{{id}}/{action}", (string id, RequestAuth auth, TService service, StatusRenderer renderer, CancellationToken ct) =>
            Act(auth, renderer, act(service, auth.RequiredAccountId, RouteId.Parse(id), ct), ct)).RequireUser(scope);

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
