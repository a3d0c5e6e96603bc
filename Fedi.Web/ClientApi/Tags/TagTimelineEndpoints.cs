using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Statuses;
using Fedi.Core.Tags;
using Fedi.Web.ClientApi.Timelines;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Tags;

/// <summary>GET /api/v1/timelines/tag/:hashtag (public like the public timeline; a token, if sent, needs read:statuses).</summary>
public static class TagTimelineEndpoints
{
    public static void MapTagTimelineEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/timelines/tag/{hashtag}", TagAsync).ScopeIfToken("read:statuses");
    }

    /// <summary>local / remote narrow by origin; any[], all[], none[] refine by other tags; only_media is empty (no media yet).</summary>
    private static async Task<IResult> TagAsync(string hashtag, HttpContext http, RequestAuth auth, RequestParameters p,
        TagTimelineService timeline, StatusRenderer renderer, CancellationToken ct)
    {
        bool? local = p.Bool("local") == true ? true : p.Bool("remote") == true ? false : null;
        var query = new TagQuery(hashtag, p.Strings("any"), p.Strings("all"), p.Strings("none"));
        IReadOnlyList<Status> page = p.Bool("only_media") == true
            ? []
            : await timeline.ReadAsync(query, local, auth.AccountId, PageRequest.From(p, TimelinesEndpoints.DefaultLimit), ct);
        return await TimelinesEndpoints.Render(http, page, auth, renderer, ct);
    }
}
