using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Follows;
using Fedi.Core.Identifiers;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Follows;

/// <summary>Follow, unfollow, relationships, and the followers/following lists.</summary>
public static class FollowsEndpoints
{
    private const int DefaultAccountsLimit = 40;

    public static void MapFollowsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/accounts/{id}/follow", FollowAsync).RequireUser("write:follows");
        routes.MapPost("/api/v1/accounts/{id}/unfollow", UnfollowAsync).RequireUser("write:follows");
        routes.MapGet("/api/v1/accounts/relationships", RelationshipsAsync).RequireUser("read:follows");
        routes.MapGet("/api/v1/accounts/{id}/followers", (string id, HttpContext http, RequestParameters p, ListFollowsService service, AccountRenderer renderer, CancellationToken ct) =>
            ListAsync(id, followers: true, http, p, service, renderer, ct)).ScopeIfToken("read:accounts");
        routes.MapGet("/api/v1/accounts/{id}/following", (string id, HttpContext http, RequestParameters p, ListFollowsService service, AccountRenderer renderer, CancellationToken ct) =>
            ListAsync(id, followers: false, http, p, service, renderer, ct)).ScopeIfToken("read:accounts");
    }

    private static async Task<IResult> FollowAsync(string id, RequestParameters p, RequestAuth auth, FollowService service, RelationshipRenderer renderer, CancellationToken ct)
    {
        var targetId = RouteId.Parse(id);
        // A parameter sent empty counts as false, as Rails' truthy_param? reads it.
        var options = new FollowOptions(
            p.Has("reblogs") ? p.Bool("reblogs") ?? false : null,
            p.Has("notify") ? p.Bool("notify") ?? false : null,
            p.Has("languages") ? p.Strings("languages") : null);
        await service.FollowAsync(auth.RequiredAccountId, targetId, options, ct);
        return Results.Ok(await renderer.RenderAsync(auth.RequiredAccountId, targetId, ct));
    }

    private static async Task<IResult> UnfollowAsync(string id, RequestAuth auth, UnfollowService service, RelationshipRenderer renderer, CancellationToken ct)
    {
        var targetId = RouteId.Parse(id);
        await service.UnfollowAsync(auth.RequiredAccountId, targetId, ct);
        return Results.Ok(await renderer.RenderAsync(auth.RequiredAccountId, targetId, ct));
    }

    /// <summary>In the order asked, each account once; unknown (and, unless with_suspended, suspended) ones left out.</summary>
    private static async Task<IResult> RelationshipsAsync(RequestParameters p, RequestAuth auth, Core.Accounts.AccountStore accounts,
        RelationshipRenderer renderer, CancellationToken ct)
    {
        var asked = p.Strings("id").Select(Snowflake.TryParse).OfType<long>().Distinct().ToList();
        var withSuspended = p.Bool("with_suspended") ?? false;
        var known = (await accounts.ListAsync(asked, ct)).Where(a => withSuspended || a.SuspendedAt is null).Select(a => a.Id).ToHashSet();
        return Results.Ok(await renderer.RenderManyAsync(auth.RequiredAccountId, asked.Where(known.Contains).ToList(), ct));
    }

    private static async Task<IResult> ListAsync(string id, bool followers, HttpContext http, RequestParameters p, ListFollowsService service,
        AccountRenderer renderer, CancellationToken ct)
    {
        var page = await service.ListAsync(RouteId.Parse(id), followers, PageRequest.From(p, DefaultAccountsLimit), ct);
        LinkHeader.Set(http, page.RowIds);
        return Results.Ok(page.Items.Select(renderer.Render).ToList());
    }

}
