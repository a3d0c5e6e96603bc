using System.Globalization;
using Fedi.Testing;

namespace Fedi.Web.Tests.RateLimits;

/// <summary>What a client sees of a throttle: the X-RateLimit-* headers, and 429 once it is exceeded.</summary>
public static class RateLimitAssertions
{
    /// <summary>Tests give their throttles one-day windows: a window boundary in the middle of a test is then unlikely.</summary>
    public static string PerDay(int limit) => $"{limit}/86400";

    /// <summary>Refused with Mastodon's 429: <c>{"error":"Too many requests"}</c>, the throttle's limit, nothing left.</summary>
    public static void AssertThrottled(this ApiResponse response, int limit)
    {
        response.AssertError(429, "Too many requests");
        AssertHeaders(response, limit, remaining: 0);
    }

    /// <summary>Answered, with <paramref name="remaining"/> requests left of <paramref name="limit"/>.</summary>
    public static void AssertAllowed(this ApiResponse response, int limit, int remaining)
    {
        Assert.That(response.IsSuccess, response.ToString());
        AssertHeaders(response, limit, remaining);
    }

    private static void AssertHeaders(ApiResponse response, int limit, int remaining)
    {
        var reset = response.Header("X-RateLimit-Reset");
        var parsed = DateTimeOffset.TryParseExact(reset, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var resetAt);
        Assert.Multiple(() =>
        {
            Assert.That(response.Header("X-RateLimit-Limit"), Is.EqualTo(limit.ToString(CultureInfo.InvariantCulture)), response.ToString());
            Assert.That(response.Header("X-RateLimit-Remaining"), Is.EqualTo(remaining.ToString(CultureInfo.InvariantCulture)), response.ToString());
            Assert.That(parsed, Is.True, $"X-RateLimit-Reset '{reset}' is not ISO 8601");
            // The end of the fixed one-day window: the next midnight UTC.
            Assert.That(resetAt, Is.GreaterThan(DateTimeOffset.UtcNow).And.LessThanOrEqualTo(DateTimeOffset.UtcNow.AddDays(1)));
            Assert.That(resetAt.TimeOfDay, Is.EqualTo(TimeSpan.Zero), reset);
        });
    }
}
