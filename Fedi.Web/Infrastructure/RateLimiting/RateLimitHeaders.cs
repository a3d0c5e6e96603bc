using System.Globalization;

namespace Fedi.Web.Infrastructure.RateLimiting;

/// <summary>X-RateLimit-Limit, -Remaining and -Reset (ISO 8601, the window's end), as Mastodon sends them.</summary>
public static class RateLimitHeaders
{
    /// <summary>The throttle a client must heed: of those exceeded the one ending last, as no retry succeeds before
    /// it ends; otherwise the one with the fewest requests left.</summary>
    public static ThrottleCount MostConstrained(IReadOnlyList<ThrottleCount> counts) =>
        counts.Any(c => c.Exceeded) ? counts.Where(c => c.Exceeded).MaxBy(c => c.Window.End)! : counts.MinBy(c => c.Remaining)!;

    public static void Set(HttpResponse response, ThrottleCount count)
    {
        response.Headers["X-RateLimit-Limit"] = count.Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Remaining"] = count.Remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Reset"] = count.Window.End.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
    }
}
