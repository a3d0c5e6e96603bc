using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Tags;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.FollowedTags;

/// <summary>GET /api/v1/followed_tags: the user's followed hashtags, newest follow first, paged by Link header.</summary>
public static class FollowedTagsEndpoints
{
    /// <summary>Mastodon's default page of followed tags.</summary>
    private const int DefaultLimit = 100;

    public static void MapFollowedTagsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/followed_tags", ListAsync).RequireUser("read:follows");
    }

    private static async Task<IResult> ListAsync(HttpContext http, RequestParameters p, RequestAuth auth, TagFollowStore store,
        TagRenderer renderer, CancellationToken ct)
    {
        var page = await store.ListPageAsync(auth.RequiredAccountId, p.Page(DefaultLimit), ct);
        var rendered = await renderer.RenderManyAsync(page.Items, auth.AccountId, ct);
        return http.Paged(page.RowIds, rendered);
    }
}
