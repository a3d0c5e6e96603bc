using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Filters;
using Fedi.Core.Identifiers;
using Fedi.Core.Statuses;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Statuses;

/// <summary>GET /api/v1/statuses/:id/context (a thread around a status) and GET /api/v1/statuses?id[]= (several statuses by id).</summary>
public static class StatusContextEndpoints
{
    /// <summary>Mastodon reads at most DEFAULT_STATUSES_LIMIT ids from id[].</summary>
    public const int MaxIds = Paging.Statuses;

    public static void MapStatusContextEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/statuses/{id}/context", Context).ScopeIfToken("read:statuses");
        app.MapGet("/api/v1/statuses", Many).ScopeIfToken("read:statuses");
    }

    private static async Task<IResult> Context(string id, RequestAuth auth, StatusContextService service, StatusRenderer renderer,
        ViewerFilterLoader filterLoader, CancellationToken ct)
    {
        var context = await service.ReadAsync(RouteId.Parse(id), auth.AccountId, ct);
        // One batch for the whole thread; a rendering never drops a non-reblog, so the split is exact.
        var rendered = await renderer.RenderManyAsync([.. context.Ancestors, .. context.Descendants], auth.AccountId, ct);
        var filters = await filterLoader.LoadAsync(auth.AccountId, ct);
        var ancestors = StatusFiltering.Apply(rendered.Take(context.Ancestors.Count).ToList(), filters, "thread");
        return Results.Json(new { ancestors, descendants = StatusFiltering.Apply(rendered.Skip(context.Ancestors.Count).ToList(), filters, "thread") });
    }

    /// <summary>Ids that are not numbers, unknown or not readable by the viewer are left out; the rest keep the order asked.</summary>
    private static async Task<IResult> Many(RequestAuth auth, RequestParameters p, StatusContextStore store, StatusRenderer renderer, CancellationToken ct)
    {
        var ids = p.Strings("id").Select(Snowflake.TryParse).OfType<long>().Distinct().Take(MaxIds).ToList();
        var statuses = await store.ListReadableAsync(ids, auth.AccountId, ct);
        return Results.Json(await renderer.RenderManyAsync(statuses, auth.AccountId, ct));
    }
}
