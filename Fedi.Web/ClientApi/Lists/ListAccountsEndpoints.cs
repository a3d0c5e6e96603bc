using Fedi.Core.Accounts;
using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Errors;
using Fedi.Core.Identifiers;
using Fedi.Core.Lists;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Lists;

/// <summary>/api/v1/lists/:id/accounts: a list's members, added and removed.</summary>
public static class ListAccountsEndpoints
{
    public static void MapListAccountsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/lists/{id}/accounts", MembersAsync).RequireUser("read:lists");
        app.MapPost("/api/v1/lists/{id}/accounts", AddAsync).RequireUser("write:lists");
        app.MapDelete("/api/v1/lists/{id}/accounts", RemoveAsync).RequireUser("write:lists");
    }

    /// <summary>limit=0 lists every member without pagination (so no Link header), as Mastodon.</summary>
    private static async Task<IResult> MembersAsync(string id, HttpContext http, RequestAuth auth, RequestParameters p,
        ListStore lists, ListAccountStore members, AccountStore accounts, AccountRenderer renderer, CancellationToken ct)
    {
        var list = await lists.FindOwnedAsync(RouteId.Parse(id), auth.RequiredAccountId, ct) ?? throw ApiException.NotFound();
        var all = p.Int("limit") == 0;
        var page = await members.ListPageAsync(list.Id, p.Page(Paging.Accounts), all, ct);
        var byId = (await accounts.ListAsync(page.Select(m => m.AccountId).ToList(), ct)).ToDictionary(a => a.Id);
        return http.Paged(all ? [] : page.Select(m => m.Id).ToList(),
            page.Where(m => byId.ContainsKey(m.AccountId)).Select(m => renderer.Render(byId[m.AccountId])));
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

    /// <summary>account_ids[]; an id that is not a number names no account (404).</summary>
    private static IReadOnlyList<long> AccountIds(RequestParameters p) =>
        p.Strings("account_ids").Select(s => Snowflake.TryParse(s) ?? throw ApiException.NotFound()).ToList();
}
