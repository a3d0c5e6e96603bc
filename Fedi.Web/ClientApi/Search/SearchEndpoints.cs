using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Search;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Search;

/// <summary>GET /api/v2/search: accounts, statuses and hashtags in one answer (Mastodon's Search entity).</summary>
public static class SearchEndpoints
{
    public static void MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v2/search", SearchAsync).ScopeIfToken("read:search");
    }

    private static async Task<IResult> SearchAsync(RequestParameters p, RequestAuth auth, SearchService search,
        AccountRenderer accounts, StatusRenderer statuses, TagRenderer tags, CancellationToken ct)
    {
        var query = SearchParameters.Read(p, auth, defaultLimit: 20, maxLimit: 40);
        var found = await search.SearchAsync(query, auth.AccountId, ct);
        return Results.Ok(new
        {
            accounts = found.Accounts.Select(accounts.Render).ToList(),
            statuses = await statuses.RenderManyAsync(found.Statuses, auth.AccountId, ct),
            hashtags = await tags.RenderManyAsync(found.Hashtags, auth.AccountId, ct),
        });
    }
}
