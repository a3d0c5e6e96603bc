using Fedi.Core.Redis;
using StackExchange.Redis;

namespace Fedi.Web.Infrastructure.RateLimiting;

/// <summary>
/// The throttles' counters in Redis, shared by every web process. One script increments all the counters a request
/// matches and starts each one's expiry with its first count, so counting costs one round trip and no counter
/// outlives its window. When Redis fails, requests go unthrottled (logged), as with Rack::Attack: the limits
/// protect the server and are not worth refusing every request over.
/// </summary>
public sealed partial class FixedWindowCounter(RedisConnection redis, ILogger<FixedWindowCounter> logger)
{
    private const string IncrementScript = """
        local counts = {}
        for i, key in ipairs(KEYS) do
          counts[i] = redis.call('INCR', key)
          if counts[i] == 1 then redis.call('EXPIRE', key, ARGV[i]) end
        end
        return counts
        """;

    // Never recreates a counter that expired meanwhile: it would live forever.
    private const string RefundScript = """
        for _, key in ipairs(KEYS) do
          if redis.call('EXISTS', key) == 1 then redis.call('DECR', key) end
        end
        return 0
        """;

    /// <summary>Each key's count including this request, in the order given; null when Redis is unavailable.</summary>
    public async Task<long[]?> IncrementAsync(IReadOnlyList<(string Key, long TtlSeconds)> counters)
    {
        try
        {
            var result = await redis.Database.ScriptEvaluateAsync(IncrementScript,
                counters.Select(c => (RedisKey)c.Key).ToArray(), counters.Select(c => (RedisValue)c.TtlSeconds).ToArray());
            return (long[]?)result;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogUnavailable(logger, e);
            return null;
        }
    }

    /// <summary>Takes back this request's count, for limits that count only what succeeded.</summary>
    public async Task RefundAsync(IReadOnlyList<string> keys)
    {
        try
        {
            await redis.Database.ScriptEvaluateAsync(RefundScript, keys.Select(k => (RedisKey)k).ToArray());
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogUnavailable(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limits are not enforced for this request: Redis is unavailable")]
    private static partial void LogUnavailable(ILogger logger, Exception failure);
}
