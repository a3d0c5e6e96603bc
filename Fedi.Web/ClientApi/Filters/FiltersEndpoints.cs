using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Filters;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Filters;

/// <summary>/api/v2/filters: the user's filters with their keywords and statuses.</summary>
public static class FiltersEndpoints
{
    public static void MapFiltersEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v2/filters", List).RequireUser("read:filters");
        app.MapGet("/api/v2/filters/{id}", Show).RequireUser("read:filters");
        app.MapPost("/api/v2/filters", Create).RequireUser("write:filters");
        app.MapPut("/api/v2/filters/{id}", Update).RequireUser("write:filters");
        app.MapDelete("/api/v2/filters/{id}", Delete).RequireUser("write:filters");
        app.MapFilterRulesEndpoints();
        app.MapV1FiltersEndpoints();
    }

    private static async Task<IResult> List(RequestAuth auth, ListFiltersService filters, CancellationToken ct) =>
        Results.Json((await filters.ListAsync(auth.RequiredAccountId, ct)).Select(f => FilterRenderer.Render(f)).ToList());

    private static async Task<IResult> Show(string id, RequestAuth auth, ListFiltersService filters, CancellationToken ct) =>
        Results.Json(FilterRenderer.Render(await filters.FindAsync(auth.RequiredAccountId, RouteId.Parse(id), ct)));

    private static async Task<IResult> Create(RequestAuth auth, RequestParameters p, CreateFilterService service, ListFiltersService filters,
        CancellationToken ct)
    {
        var created = await service.CreateAsync(auth.RequiredAccountId, FilterParameters.ReadV2(p), ct);
        return Results.Json(FilterRenderer.Render(await filters.FindAsync(auth.RequiredAccountId, created.Id, ct)));
    }

    private static async Task<IResult> Update(string id, RequestAuth auth, RequestParameters p, UpdateFilterService service,
        ListFiltersService filters, CancellationToken ct)
    {
        var updated = await service.UpdateAsync(auth.RequiredAccountId, RouteId.Parse(id), FilterParameters.ReadV2(p), ct);
        return Results.Json(FilterRenderer.Render(await filters.FindAsync(auth.RequiredAccountId, updated.Id, ct)));
    }

    private static async Task<IResult> Delete(string id, RequestAuth auth, DeleteFilterService service, CancellationToken ct)
    {
        await service.DeleteAsync(auth.RequiredAccountId, RouteId.Parse(id), ct);
        return Results.Json(new { });
    }
}
