using Fedi.Core.Accounts;
using Fedi.Core.ClientApi.Entities;
using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Errors;
using Fedi.Core.Follows;
using Fedi.Core.Identifiers;
using Fedi.Core.Interactions;
using Fedi.Core.Lists;
using Fedi.Core.Statuses;
using Fedi.Core.Timelines;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Accounts;

/// <summary>What an account has: /api/v1/accounts/:id/followers, /following, /statuses, and the viewer's /lists holding it.</summary>
public static class AccountCollectionsEndpoints
{
    public static void MapAccountCollectionsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/accounts/{id}/followers", (string id, HttpContext http, RequestParameters p, ListFollowsService service, AccountRenderer renderer, CancellationToken ct) =>
            FollowsAsync(id, followers: true, http, p, service, renderer, ct)).ScopeIfToken("read:accounts");
        routes.MapGet("/api/v1/accounts/{id}/following", (string id, HttpContext http, RequestParameters p, ListFollowsService service, AccountRenderer renderer, CancellationToken ct) =>
            FollowsAsync(id, followers: false, http, p, service, renderer, ct)).ScopeIfToken("read:accounts");
        routes.MapGet("/api/v1/accounts/{id}/statuses", StatusesAsync).ScopeIfToken("read:statuses");
        routes.MapGet("/api/v1/accounts/{id}/lists", ListsAsync).RequireUser("read:lists");
    }

    private static async Task<IResult> FollowsAsync(string id, bool followers, HttpContext http, RequestParameters p, ListFollowsService service,
        AccountRenderer renderer, CancellationToken ct) =>
        http.Paged(await service.ListAsync(RouteId.Parse(id), followers, p.Page(Paging.Accounts), ct), renderer.Render);

    /// <summary>A profile's statuses as the viewer may see them.</summary>
    private static async Task<IResult> StatusesAsync(string id, HttpContext http, RequestAuth auth, RequestParameters p,
        AccountStore accounts, TimelineStore timelines, PinService pins, StatusRenderer renderer, CancellationToken ct)
    {
        var account = Snowflake.TryParse(id) is { } accountId ? await accounts.FindAsync(accountId, ct) : null;
        if (account is null || account.SuspendedAt is not null) throw ApiException.NotFound();

        IReadOnlyList<Status> page = p.Bool("pinned") == true
            ? await pins.ListPinnedAsync(account.Id, auth.AccountId, ct)
            : await timelines.ListByAccountAsync(account.Id, auth.AccountId, p.Page(Paging.Statuses),
                excludeReplies: p.Bool("exclude_replies") == true, onlyMedia: p.Bool("only_media") == true, ct);
        return await http.PagedAsync(page, auth.AccountId, renderer, "account", ct);
    }

    /// <summary>The viewer's lists that contain the account.</summary>
    private static async Task<IResult> ListsAsync(string id, RequestAuth auth, ListStore lists, CancellationToken ct) =>
        Results.Ok((await lists.ListOwnedContainingAsync(auth.RequiredAccountId, RouteId.Parse(id), ct)).Select(ApiList.From));
}
