using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Errors;
using Fedi.Core.Tags;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Tags;

/// <summary>/api/v1/tags/:name: a hashtag with its week of use, and following or unfollowing it.</summary>
public static class TagsEndpoints
{
    public static void MapTagsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/tags/{name}", ShowAsync).ScopeIfToken("read");
        app.MapPost("/api/v1/tags/{name}/follow", FollowAsync).RequireUser("write:follows");
        app.MapPost("/api/v1/tags/{name}/unfollow", UnfollowAsync).RequireUser("write:follows");
    }

    private static async Task<IResult> ShowAsync(string name, RequestAuth auth, TagFollowStore store, TagRenderer renderer, CancellationToken ct)
    {
        var tag = await store.FindByNameAsync(FollowTagService.Normalize(name), ct) ?? throw ApiException.NotFound();
        return Results.Ok(await renderer.RenderAsync(tag, auth.AccountId, ct));
    }

    private static async Task<IResult> FollowAsync(string name, RequestAuth auth, FollowTagService service, TagRenderer renderer, CancellationToken ct) =>
        Results.Ok(await renderer.RenderAsync(await service.FollowAsync(auth.RequiredAccountId, name, ct), auth.AccountId, ct));

    private static async Task<IResult> UnfollowAsync(string name, RequestAuth auth, FollowTagService service, TagRenderer renderer, CancellationToken ct) =>
        Results.Ok(await renderer.RenderAsync(await service.UnfollowAsync(auth.RequiredAccountId, name, ct), auth.AccountId, ct));
}
