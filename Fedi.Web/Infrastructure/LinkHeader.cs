using Fedi.Core.Configuration;
using Microsoft.AspNetCore.Http.Extensions;

namespace Fedi.Web.Infrastructure;

/// <summary>
/// Mastodon's pagination links. They are built from WEB_DOMAIN, never from the request's Host or forwarded host: a
/// client that sends <c>Host: evil.example</c> must not get links (or cached pages) that point elsewhere.
/// </summary>
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
        var instance = http.RequestServices.GetRequiredService<InstanceOptions>();
        return $"{instance.WebBaseUrl}{http.Request.PathBase}{http.Request.Path}{query}";
    }
}
