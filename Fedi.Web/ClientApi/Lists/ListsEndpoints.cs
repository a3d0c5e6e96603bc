using Fedi.Core.ClientApi.Entities;
using Fedi.Core.Errors;
using Fedi.Core.Lists;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Lists;

/// <summary>/api/v1/lists: the user's own lists (someone else's list is a 404, as Mastodon scopes it to the owner).</summary>
public static class ListsEndpoints
{
    public static void MapListsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/lists", IndexAsync).RequireUser("read:lists");
        app.MapGet("/api/v1/lists/{id}", ShowAsync).RequireUser("read:lists");
        app.MapPost("/api/v1/lists", CreateAsync).RequireUser("write:lists");
        app.MapPut("/api/v1/lists/{id}", UpdateAsync).RequireUser("write:lists");
        app.MapDelete("/api/v1/lists/{id}", DeleteAsync).RequireUser("write:lists");
    }

    private static async Task<IResult> IndexAsync(RequestAuth auth, ListStore lists, CancellationToken ct) =>
        Results.Ok((await lists.ListOwnedAsync(auth.RequiredAccountId, ct)).Select(ApiList.From));

    private static async Task<IResult> ShowAsync(string id, RequestAuth auth, ListStore lists, CancellationToken ct) =>
        Results.Ok(ApiList.From(await lists.FindOwnedAsync(RouteId.Parse(id), auth.RequiredAccountId, ct) ?? throw ApiException.NotFound()));

    private static async Task<IResult> CreateAsync(RequestAuth auth, RequestParameters p, ListService service, CancellationToken ct) =>
        Results.Ok(ApiList.From(await service.CreateAsync(auth.RequiredAccountId, Changes(p), ct)));

    private static async Task<IResult> UpdateAsync(string id, RequestAuth auth, RequestParameters p, ListService service, CancellationToken ct) =>
        Results.Ok(ApiList.From(await service.UpdateAsync(RouteId.Parse(id), auth.RequiredAccountId, Changes(p), ct)));

    private static async Task<IResult> DeleteAsync(string id, RequestAuth auth, ListService service, CancellationToken ct)
    {
        await service.DeleteAsync(RouteId.Parse(id), auth.RequiredAccountId, ct);
        return Results.Ok(new { });
    }

    private static ListChanges Changes(RequestParameters p) =>
        new(p.String("title"), p.String("replies_policy"), p.Has("exclusive") ? p.Bool("exclusive") ?? false : null);
}
