using Fedi.Core.Errors;

namespace Fedi.Web.Infrastructure.RateLimiting;

/// <summary>A throttle is exceeded: 429 with Mastodon's message (errors.429); the X-RateLimit-* headers come from the limiter.</summary>
public sealed class TooManyRequestsException() : ApiException(429, "Too many requests");
