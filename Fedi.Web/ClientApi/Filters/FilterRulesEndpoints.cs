using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Errors;
using Fedi.Core.Filters;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Filters;

/// <summary>A filter's keywords and statuses one at a time: /api/v2/filters/:id/keywords|statuses and
/// /api/v2/filters/keywords|statuses/:id.</summary>
public static class FilterRulesEndpoints
{
    public static void MapFilterRulesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v2/filters/{id}/keywords", ListKeywords).RequireUser("read:filters");
        app.MapPost("/api/v2/filters/{id}/keywords", AddKeyword).RequireUser("write:filters");
        app.MapGet("/api/v2/filters/keywords/{id}", ShowKeyword).RequireUser("read:filters");
        app.MapPut("/api/v2/filters/keywords/{id}", UpdateKeyword).RequireUser("write:filters");
        app.MapDelete("/api/v2/filters/keywords/{id}", RemoveKeyword).RequireUser("write:filters");
        app.MapGet("/api/v2/filters/{id}/statuses", ListStatuses).RequireUser("read:filters");
        app.MapPost("/api/v2/filters/{id}/statuses", AddStatus).RequireUser("write:filters");
        app.MapGet("/api/v2/filters/statuses/{id}", ShowStatus).RequireUser("read:filters");
        app.MapDelete("/api/v2/filters/statuses/{id}", RemoveStatus).RequireUser("write:filters");
    }

    private static async Task<IResult> ListKeywords(string id, RequestAuth auth, ListFiltersService filters, CancellationToken ct) =>
        Results.Json((await filters.FindAsync(auth.RequiredAccountId, RouteId.Parse(id), ct)).Keywords.Select(FilterRenderer.Render).ToList());

    private static async Task<IResult> AddKeyword(string id, RequestAuth auth, RequestParameters p, FilterKeywordsService service, CancellationToken ct) =>
        Results.Json(FilterRenderer.Render(await service.AddAsync(auth.RequiredAccountId, RouteId.Parse(id), p.String("keyword") ?? "",
            p.Bool("whole_word") ?? true, ct)));

    private static async Task<IResult> ShowKeyword(string id, RequestAuth auth, FilterRuleStore rules, CancellationToken ct) =>
        Results.Json(FilterRenderer.Render(await rules.FindKeywordAsync(RouteId.Parse(id), auth.RequiredAccountId, ct) ?? throw ApiException.NotFound()));

    private static async Task<IResult> UpdateKeyword(string id, RequestAuth auth, RequestParameters p, FilterKeywordsService service, CancellationToken ct) =>
        Results.Json(FilterRenderer.Render(await service.UpdateAsync(auth.RequiredAccountId, RouteId.Parse(id), p.String("keyword"), p.Bool("whole_word"), ct)));

    private static async Task<IResult> RemoveKeyword(string id, RequestAuth auth, FilterKeywordsService service, CancellationToken ct)
    {
        await service.RemoveAsync(auth.RequiredAccountId, RouteId.Parse(id), ct);
        return Results.Json(new { });
    }

    private static async Task<IResult> ListStatuses(string id, RequestAuth auth, ListFiltersService filters, CancellationToken ct) =>
        Results.Json((await filters.FindAsync(auth.RequiredAccountId, RouteId.Parse(id), ct)).Statuses.Select(FilterRenderer.Render).ToList());

    private static async Task<IResult> AddStatus(string id, RequestAuth auth, RequestParameters p, FilterStatusesService service, CancellationToken ct)
    {
        var statusId = p.String("status_id") is { Length: > 0 } raw ? RouteId.Parse(raw) : throw ApiException.BadRequest("param is missing or the value is empty: status_id");
        return Results.Json(FilterRenderer.Render(await service.AddAsync(auth.RequiredAccountId, RouteId.Parse(id), statusId, ct)));
    }

    private static async Task<IResult> ShowStatus(string id, RequestAuth auth, FilterRuleStore rules, CancellationToken ct) =>
        Results.Json(FilterRenderer.Render(await rules.FindStatusAsync(RouteId.Parse(id), auth.RequiredAccountId, ct) ?? throw ApiException.NotFound()));

    private static async Task<IResult> RemoveStatus(string id, RequestAuth auth, FilterStatusesService service, CancellationToken ct)
    {
        await service.RemoveAsync(auth.RequiredAccountId, RouteId.Parse(id), ct);
        return Results.Json(new { });
    }
}
