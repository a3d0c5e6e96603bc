using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Lists;
using Fedi.Core.Statuses;
using Fedi.Core.Tags;
using Fedi.Core.Timelines;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Timelines;

/// <summary>/api/v1/timelines/home, /public, /tag/:hashtag and /list/:id.</summary>
public static class TimelinesEndpoints
{
    public static void MapTimelinesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/timelines/home", Home).RequireUser("read:statuses");
        app.MapGet("/api/v1/timelines/public", Public).ScopeIfToken("read:statuses");
        app.MapGet("/api/v1/timelines/tag/{hashtag}", Tag).ScopeIfToken("read:statuses");
        app.MapGet("/api/v1/timelines/list/{id}", List).RequireUser("read:lists");
    }

    private static async Task<IResult> Home(HttpContext http, RequestAuth auth, RequestParameters p,
        HomeTimelineService timeline, StatusRenderer renderer, CancellationToken ct)
    {
        var page = await timeline.ReadAsync(auth.RequiredAccountId, p.Page(Paging.Statuses), ct);
        return await http.PagedAsync(page, auth.AccountId, renderer, "home", ct);
    }

    /// <summary>local=true: this server's posts only; remote=true: other servers' only; only_media: posts with media.</summary>
    private static async Task<IResult> Public(HttpContext http, RequestAuth auth, RequestParameters p,
        TimelineStore timelines, StatusRenderer renderer, CancellationToken ct)
    {
        var page = await timelines.ListPublicAsync(p.Page(Paging.Statuses), Origin(p), auth.AccountId, p.Bool("only_media") == true, ct);
        return await http.PagedAsync(page, auth.AccountId, renderer, "public", ct);
    }

    /// <summary>Public like the public timeline (a token, if sent, needs read:statuses). local / remote narrow by origin;
    /// any[], all[], none[] refine by other tags; only_media keeps statuses with attachments.</summary>
    private static async Task<IResult> Tag(string hashtag, HttpContext http, RequestAuth auth, RequestParameters p,
        TagTimelineService timeline, StatusRenderer renderer, CancellationToken ct)
    {
        var query = new TagQuery(hashtag, p.Strings("any"), p.Strings("all"), p.Strings("none"));
        var page = await timeline.ReadAsync(query, Origin(p), auth.AccountId, p.Page(Paging.Statuses), p.Bool("only_media") == true, ct);
        return await http.PagedAsync(page, auth.AccountId, renderer, "public", ct);
    }

    private static async Task<IResult> List(string id, HttpContext http, RequestAuth auth, RequestParameters p,
        ListTimelineService timeline, StatusRenderer renderer, CancellationToken ct)
    {
        var page = await timeline.ReadAsync(RouteId.Parse(id), auth.RequiredAccountId, p.Page(Paging.Statuses), ct);
        return await http.PagedAsync(page, auth.AccountId, renderer, "home", ct);
    }

    /// <summary>local=true: this server's statuses only; remote=true: other servers' only; neither: all.</summary>
    private static bool? Origin(RequestParameters p) =>
        p.Bool("local") == true ? true : p.Bool("remote") == true ? false : null;
}
