using Fedi.Core.Configuration;

namespace Fedi.Web.Infrastructure.RateLimiting;

/// <summary>One fixed window of a limit, as Rack::Attack counts: Unix seconds / period, ending at a multiple of the period.</summary>
/// <param name="TtlSeconds">How long its counter lives: to the window's end, and a second more for clock skew between web processes.</param>
public readonly record struct ThrottleWindow(long Index, DateTimeOffset End, long TtlSeconds)
{
    public static ThrottleWindow At(RateLimit limit, DateTimeOffset now)
    {
        var period = (long)limit.Period.TotalSeconds;
        var unix = now.ToUnixTimeSeconds();
        var index = unix / period;
        var end = (index + 1) * period;
        return new ThrottleWindow(index, DateTimeOffset.FromUnixTimeSeconds(end), end - unix + 1);
    }
}
