using Fedi.Core.Configuration;
using Fedi.Core.Contracts;

namespace Fedi.Web.Infrastructure.RateLimiting;

/// <summary>
/// Counts each request against every throttle it matches and refuses it with 429 once one is exceeded. Every
/// answer carries the X-RateLimit-* headers of the most constrained throttle (Mastodon's RateLimitHeaders), set
/// when the response starts so that the error handler's rendering keeps them.
/// </summary>
public sealed partial class RateLimitMiddleware(
    RequestDelegate next, RateLimitOptions options, FixedWindowCounter counter, TimeProvider clock, ILogger<RateLimitMiddleware> logger)
{
    private readonly IReadOnlyList<Throttle> _throttles = Throttles.From(options);

    public async Task InvokeAsync(HttpContext http)
    {
        var counts = await CountAsync(http);
        if (counts is null)
        {
            await next(http);
            return;
        }
        var shown = RateLimitHeaders.MostConstrained(counts);
        http.Response.OnStarting(() =>
        {
            RateLimitHeaders.Set(http.Response, shown);
            return Task.CompletedTask;
        });

        var succeeded = false;
        try
        {
            if (shown.Exceeded)
            {
                LogThrottled(logger, shown.Throttle.Limit.Name, http.Request.Method, http.Request.Path);
                throw new TooManyRequestsException();
            }
            await next(http);
            succeeded = http.Response.StatusCode is >= 200 and < 300;
        }
        finally
        {
            var refunds = counts.Where(c => c.Throttle.CreationLimit).Select(c => c.Key).ToList();
            if (!succeeded && refunds.Count > 0) await counter.RefundAsync(refunds);
        }
    }

    /// <summary>This request's counts in the throttles it matches; null when it matches none or Redis failed.</summary>
    private async Task<IReadOnlyList<ThrottleCount>?> CountAsync(HttpContext http)
    {
        var address = ClientAddress.Of(http);
        var safelisted = address is not null && options.IsSafelisted(address);
        var request = await ThrottleRequest.ReadAsync(http, address);
        var now = clock.GetUtcNow();
        var matched = new List<(Throttle Throttle, string Key, ThrottleWindow Window)>();
        foreach (var throttle in _throttles)
        {
            if (safelisted && !throttle.CreationLimit) continue;
            if (throttle.Client(request) is not { } client) continue;
            var window = ThrottleWindow.At(throttle.Limit, now);
            matched.Add((throttle, RedisKeys.Throttle(throttle.Limit.Name, window.Index, client), window));
        }
        if (matched.Count == 0) return null;
        var counts = await counter.IncrementAsync(matched.Select(m => (m.Key, m.Window.TtlSeconds)).ToList());
        return counts?.Select((count, i) => new ThrottleCount(matched[i].Throttle, matched[i].Key, matched[i].Window, count)).ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rate limit {Throttle} hit: {Method} {Path}")]
    private static partial void LogThrottled(ILogger logger, string throttle, string method, string path);
}
