using Microsoft.AspNetCore.Http.Extensions;

namespace Fedi.Web.Infrastructure;

public static class LinkHeader
{
    private static readonly string[] CursorKeys = ["max_id", "min_id", "since_id"];

    /// <summary>
    /// Sets <c>Link: &lt;…?max_id=oldest&gt;; rel="next", &lt;…?min_id=newest&gt;; rel="prev"</c> from the ids of a
    /// newest-first page (nothing when it is empty). Other query parameters are carried over.
    /// </summary>
    public static void Set(HttpContext http, IReadOnlyList<long> pageIds)
    {
        if (pageIds.Count == 0) return;
        var next = Url(http, "max_id", pageIds[^1]);
        var prev = Url(http, "min_id", pageIds[0]);
        http.Response.Headers.Append("Link", $"<{next}>; rel=\"next\", <{prev}>; rel=\"prev\"");
    }

    private static string Url(HttpContext http, string cursor, long id)
    {
        var query = new QueryBuilder();
        foreach (var (key, values) in http.Request.Query)
            if (!CursorKeys.Contains(key.TrimEnd('[', ']')))
                foreach (var value in values) query.Add(key, value ?? "");
        query.Add(cursor, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var request = http.Request;
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{query}";
    }
}
