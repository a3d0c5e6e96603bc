using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Errors;
using Fedi.Core.Filters;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Filters;

/// <summary>/api/v1/filters, the pre-4.0 API Mastodon keeps: each keyword shows as a filter of its own, by the keyword's id.</summary>
public static class V1FiltersEndpoints
{
    public static void MapV1FiltersEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/filters", List).RequireUser("read:filters");
        app.MapGet("/api/v1/filters/{id}", Show).RequireUser("read:filters");
        app.MapPost("/api/v1/filters", Create).RequireUser("write:filters");
        app.MapPut("/api/v1/filters/{id}", Update).RequireUser("write:filters");
        app.MapDelete("/api/v1/filters/{id}", Delete).RequireUser("write:filters");
    }

    private static async Task<IResult> List(RequestAuth auth, ListFiltersService filters, CancellationToken ct) =>
        Results.Json((await filters.ListAsync(auth.RequiredAccountId, ct)).SelectMany(FilterRenderer.RenderV1).ToList());

    private static Task<IResult> Show(string id, RequestAuth auth, FilterRuleStore rules, ListFiltersService filters, CancellationToken ct) =>
        RenderKeywordAsync(RouteId.Parse(id), auth.RequiredAccountId, rules, filters, ct);

    private static async Task<IResult> Create(RequestAuth auth, RequestParameters p, CreateFilterService service, ListFiltersService filters,
        CancellationToken ct)
    {
        var created = await service.CreateAsync(auth.RequiredAccountId, FilterParameters.ReadV1(p), ct);
        return Results.Json(FilterRenderer.RenderV1(await filters.FindAsync(auth.RequiredAccountId, created.Id, ct)).First());
    }

    private static async Task<IResult> Update(string id, RequestAuth auth, RequestParameters p, UpdateFilterService service,
        FilterRuleStore rules, ListFiltersService filters, CancellationToken ct)
    {
        var keyword = await rules.FindKeywordAsync(RouteId.Parse(id), auth.RequiredAccountId, ct) ?? throw ApiException.NotFound();
        await service.UpdateAsync(auth.RequiredAccountId, keyword.CustomFilterId, FilterParameters.ReadV1(p, keyword.Id), ct);
        return await RenderKeywordAsync(keyword.Id, auth.RequiredAccountId, rules, filters, ct);
    }

    private static async Task<IResult> Delete(string id, RequestAuth auth, FilterKeywordsService service, CancellationToken ct)
    {
        await service.RemoveAsync(auth.RequiredAccountId, RouteId.Parse(id), ct);
        return Results.Json(new { });
    }

    private static async Task<IResult> RenderKeywordAsync(long keywordId, long accountId, FilterRuleStore rules, ListFiltersService filters,
        CancellationToken ct)
    {
        var keyword = await rules.FindKeywordAsync(keywordId, accountId, ct) ?? throw ApiException.NotFound();
        var filter = await filters.FindAsync(accountId, keyword.CustomFilterId, ct);
        return Results.Json(FilterRenderer.RenderV1(filter).First(f => f.Id == ApiFormat.Id(keyword.Id)));
    }
}
