using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Search;
using Fedi.Web.ClientApi.Search;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Accounts;

/// <summary>GET /api/v1/accounts/search: accounts only, as apps call it for mentions and `follow` commands.</summary>
public static class AccountSearchEndpoints
{
    public static void MapAccountSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/accounts/search", SearchAsync).RequireUser("read:accounts");
    }

    private static async Task<IResult> SearchAsync(RequestParameters p, RequestAuth auth, SearchService search, AccountRenderer renderer, CancellationToken ct)
    {
        var query = SearchParameters.Read(p, auth, defaultLimit: 40, maxLimit: 80) with { Type = SearchType.Accounts };
        var found = await search.SearchAsync(query, auth.AccountId, ct);
        return Results.Ok(found.Accounts.Select(renderer.Render).ToList());
    }
}
