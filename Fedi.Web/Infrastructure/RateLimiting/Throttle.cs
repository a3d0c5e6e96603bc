using Fedi.Core.Configuration;

namespace Fedi.Web.Infrastructure.RateLimiting;

/// <summary>One of Mastodon's throttles: its limit, and whose count a request adds to (null: not counted).</summary>
/// <param name="CreationLimit">Counts only requests that succeed and applies to safelisted addresses too: Mastodon's
/// per-account RateLimiter lives in its models, outside Rack::Attack and its safelist.</param>
public sealed record Throttle(RateLimit Limit, Func<ThrottleRequest, string?> Client, bool CreationLimit = false);
