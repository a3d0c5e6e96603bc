using Fedi.Core.Accounts;
using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Errors;
using Fedi.Core.Search;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Directory;

/// <summary>GET /api/v1/directory: this server's discoverable accounts (remote ones are not listed: local=false changes nothing).</summary>
public static class DirectoryEndpoints
{
    public static void MapDirectoryEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/directory", ListAsync).ScopeIfToken("read:accounts");

    private static async Task<IResult> ListAsync(RequestParameters p, DirectoryStore directory, AccountStore accounts, AccountRenderer renderer, CancellationToken ct)
    {
        var newest = p.String("order") switch
        {
            null or "" or "active" => false,
            "new" => true,
            _ => throw ApiException.BadRequest("order must be active or new"),
        };
        var limit = p.Int("limit") is { } requested ? Math.Clamp(requested, 1, 80) : 40;
        var offset = Math.Clamp(p.Int("offset") ?? 0, 0, 100_000);
        var ids = await directory.ListAsync(newest, limit, offset, ct);
        return Results.Ok(await InOrderAsync(ids, accounts, renderer, ct));
    }

    /// <summary>The accounts of <paramref name="ids"/>, rendered in that order.</summary>
    public static async Task<IReadOnlyList<Core.ClientApi.Entities.ApiAccount>> InOrderAsync(IReadOnlyList<long> ids, AccountStore accounts,
        AccountRenderer renderer, CancellationToken ct)
    {
        var rows = (await accounts.ListAsync(ids, ct)).ToDictionary(a => a.Id);
        return ids.Where(rows.ContainsKey).Select(id => renderer.Render(rows[id])).ToList();
    }
}
