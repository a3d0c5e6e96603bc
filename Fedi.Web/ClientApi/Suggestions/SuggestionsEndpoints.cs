using Fedi.Core.Accounts;
using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Search;
using Fedi.Web.ClientApi.Directory;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Suggestions;

/// <summary>GET /api/v1/suggestions (accounts) and /api/v2/suggestions (with a source): popular discoverable local accounts the user does not follow.</summary>
public static class SuggestionsEndpoints
{
    public static void MapSuggestionsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/suggestions", V1Async).RequireUser("read");
        app.MapGet("/api/v2/suggestions", V2Async).RequireUser("read");
    }

    private static async Task<IResult> V1Async(RequestParameters p, RequestAuth auth, DirectoryStore directory, AccountStore accounts,
        AccountRenderer renderer, CancellationToken ct) =>
        Results.Ok(await SuggestedAsync(p, auth, directory, accounts, renderer, ct));

    private static async Task<IResult> V2Async(RequestParameters p, RequestAuth auth, DirectoryStore directory, AccountStore accounts,
        AccountRenderer renderer, CancellationToken ct) =>
        Results.Ok((await SuggestedAsync(p, auth, directory, accounts, renderer, ct))
            .Select(account => new { source = "global", sources = new[] { "most_followed" }, account }));

    private static async Task<IReadOnlyList<Core.ClientApi.Entities.ApiAccount>> SuggestedAsync(RequestParameters p, RequestAuth auth,
        DirectoryStore directory, AccountStore accounts, AccountRenderer renderer, CancellationToken ct)
    {
        var limit = p.Int("limit") is { } requested ? Math.Clamp(requested, 1, 80) : 40;
        var ids = await directory.ListSuggestionsAsync(auth.RequiredAccountId, limit, ct);
        return await DirectoryEndpoints.InOrderAsync(ids, accounts, renderer, ct);
    }
}
