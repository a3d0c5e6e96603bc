namespace Fedi.Web.Infrastructure.RateLimiting;

/// <summary>A request's place in one throttle's current window: its counter's key and the count including this request.</summary>
public sealed record ThrottleCount(Throttle Throttle, string Key, ThrottleWindow Window, long Count)
{
    public int Limit => Throttle.Limit.Limit;
    public long Remaining => Math.Max(0, Limit - Count);
    public bool Exceeded => Count > Limit;
}
