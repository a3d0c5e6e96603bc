using Fedi.Core.Accounts;
using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Errors;
using Fedi.Core.Identifiers;
using Fedi.Core.Lists;
using Fedi.Core.Statuses;
using Fedi.Web.ClientApi.Timelines;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Lists;

/// <summary>/api/v1/lists/:id/accounts (members) and /api/v1/timelines/list/:id.</summary>
public static class ListAccountsEndpoints
{
    private const int DefaultAccountsLimit = 40;

    public static void MapListAccountsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/lists/{id}/accounts", MembersAsync).RequireUser("read:lists");
        app.MapPost("/api/v1/lists/{id}/accounts", AddAsync).RequireUser("write:lists");
        app.MapDelete("/api/v1/lists/{id}/accounts", RemoveAsync).RequireUser("write:lists");
        app.MapGet("/api/v1/timelines/list/{id}", TimelineAsync).RequireUser("read:lists");
    }

    /// <summary>limit=0 lists every member without pagination, as Mastodon.</summary>
    private static async Task<IResult> MembersAsync(string id, HttpContext http, RequestAuth auth, RequestParameters p,
        ListStore lists, ListAccountStore members, AccountStore accounts, AccountRenderer renderer, CancellationToken ct)
    {
        var list = await lists.FindOwnedAsync(RouteId.Parse(id), auth.RequiredAccountId, ct) ?? throw ApiException.NotFound();
        var all = p.Int("limit") == 0;
        var page = await members.ListPageAsync(list.Id, PageRequest.From(p, DefaultAccountsLimit), all, ct);
        if (!all) LinkHeader.Set(http, page.Select(m => m.Id).ToList());
        var byId = (await accounts.ListAsync(page.Select(m => m.AccountId).ToList(), ct)).ToDictionary(a => a.Id);
        return Results.Ok(page.Where(m => byId.ContainsKey(m.AccountId)).Select(m => renderer.Render(byId[m.AccountId])));
    }

    private static async Task<IResult> AddAsync(string id, RequestAuth auth, RequestParameters p, ListService service, CancellationToken ct)
    {
        await service.AddAccountsAsync(RouteId.Parse(id), auth.RequiredAccountId, AccountIds(p), ct);
        return Results.Ok(new { });
    }

    private static async Task<IResult> RemoveAsync(string id, RequestAuth auth, RequestParameters p, ListService service, CancellationToken ct)
    {
        await service.RemoveAccountsAsync(RouteId.Parse(id), auth.RequiredAccountId, AccountIds(p), ct);
        return Results.Ok(new { });
    }

    private static async Task<IResult> TimelineAsync(string id, HttpContext http, RequestAuth auth, RequestParameters p,
        ListTimelineService timeline, StatusRenderer renderer, CancellationToken ct)
    {
        IReadOnlyList<Status> page = await timeline.ReadAsync(RouteId.Parse(id), auth.RequiredAccountId, PageRequest.From(p, TimelinesEndpoints.DefaultLimit), ct);
        return await TimelinesEndpoints.Render(http, page, auth, renderer, ct);
    }

    /// <summary>account_ids[]; an id that is not a number names no account (404).</summary>
    private static IReadOnlyList<long> AccountIds(RequestParameters p) =>
        p.Strings("account_ids").Select(s => Snowflake.TryParse(s) ?? throw ApiException.NotFound()).ToList();
}
