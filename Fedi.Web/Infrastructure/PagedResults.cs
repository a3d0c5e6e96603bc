using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Data;
using Fedi.Core.Statuses;

namespace Fedi.Web.Infrastructure;

/// <summary>The answer of a paged list: its Link header (see <see cref="LinkHeader"/>) and the rendered items.</summary>
public static class PagedResults
{
    /// <param name="pageIds">the page's cursor ids, newest first; empty sets no Link header.</param>
    public static IResult Paged<T>(this HttpContext http, IReadOnlyList<long> pageIds, T rendered)
    {
        LinkHeader.Set(http, pageIds);
        return Results.Ok(rendered);
    }

    /// <summary>A page of rows, cursors from its row ids, each item rendered by <paramref name="render"/>.</summary>
    public static IResult Paged<T, TApi>(this HttpContext http, RowPage<T> page, Func<T, TApi> render) =>
        http.Paged(page.RowIds, page.Items.Select(render).ToList());

    /// <summary>A page of statuses as <paramref name="viewerId"/> sees them, cursors from the status ids.</summary>
    public static async Task<IResult> PagedAsync(this HttpContext http, IReadOnlyList<Status> page, long? viewerId,
        StatusRenderer renderer, CancellationToken ct) =>
        http.Paged(page.Select(s => s.Id).ToList(), await renderer.RenderManyAsync(page, viewerId, ct));

    /// <summary>The same with the viewer's filters of <paramref name="filterContext"/> applied; the Link header still
    /// pages by every status read, so a hidden one does not shift the cursors.</summary>
    public static async Task<IResult> PagedAsync(this HttpContext http, IReadOnlyList<Status> page, long? viewerId,
        StatusRenderer renderer, string filterContext, CancellationToken ct) =>
        http.Paged(page.Select(s => s.Id).ToList(), await renderer.RenderManyAsync(page, viewerId, filterContext, ct));
}
