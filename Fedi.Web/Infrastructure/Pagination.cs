using Fedi.Core.Data;
using Fedi.Core.Identifiers;
using Microsoft.AspNetCore.Http.Extensions;

namespace Fedi.Web.Infrastructure;

/// <summary>Reads Mastodon's cursor parameters: max_id / since_id / min_id (all exclusive) and limit.</summary>
public static class PageRequest
{
    /// <summary>limit defaults to <paramref name="defaultLimit"/> and is capped at twice that, as Mastodon's.</summary>
    public static Page From(RequestParameters p, int defaultLimit)
    {
        var limit = p.Int("limit") is { } requested ? (int)Math.Clamp(Math.Abs((long)requested), 1, defaultLimit * 2) : defaultLimit;
        return new Page(Snowflake.TryParse(p.String("max_id")), Snowflake.TryParse(p.String("since_id")),
            Snowflake.TryParse(p.String("min_id")), limit);
    }
}

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
