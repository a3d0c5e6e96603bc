using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Statuses;
using Fedi.Core.Timelines;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Timelines;

/// <summary>/api/v1/timelines/home and /public.</summary>
public static class TimelinesEndpoints
{
    public const int DefaultLimit = 20;

    public static void MapTimelinesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/timelines/home", Home).RequireUser("read:statuses");
        app.MapGet("/api/v1/timelines/public", Public);
    }

    private static async Task<IResult> Home(HttpContext http, RequestAuth auth, RequestParameters p,
        HomeTimelineService timeline, StatusRenderer renderer, CancellationToken ct)
    {
        var page = await timeline.ReadAsync(auth.RequiredAccountId, PageRequest.From(p, DefaultLimit), ct);
        return await Render(http, page, auth, renderer, ct);
    }

    /// <summary>local=true: this server's posts only; remote=true: other servers' only; only_media: posts with media.</summary>
    private static async Task<IResult> Public(HttpContext http, RequestAuth auth, RequestParameters p,
        TimelineStore timelines, StatusRenderer renderer, CancellationToken ct)
    {
        bool? local = p.Bool("local") == true ? true : p.Bool("remote") == true ? false : null;
        IReadOnlyList<Status> page = p.Bool("only_media") == true
            ? [] // no status carries media yet
            : await timelines.ListPublicAsync(PageRequest.From(p, DefaultLimit), local, auth.AccountId, ct);
        return await Render(http, page, auth, renderer, ct);
    }

    public static async Task<IResult> Render(HttpContext http, IReadOnlyList<Status> page, RequestAuth auth, StatusRenderer renderer, CancellationToken ct)
    {
        LinkHeader.Set(http, page.Select(s => s.Id).ToList());
        return Results.Json(await renderer.RenderManyAsync(page, auth.AccountId, ct));
    }
}
