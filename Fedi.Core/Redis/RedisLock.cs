using StackExchange.Redis;

namespace Fedi.Core.Redis;

/// <summary>The lock was held by someone else for longer than the caller would wait (transient: retry later).</summary>
public sealed class LockNotAcquiredException(string key) : Exception($"could not acquire {key}");

/// <summary>
/// Mastodon's with_redis_lock: a key set with NX and a random token, auto-released after 15 minutes if its
/// holder dies, released only by its holder. Used so that fan-out and removal of one status never interleave.
/// </summary>
public sealed class RedisLock(RedisConnection redis)
{
    public static readonly TimeSpan AutoRelease = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(5);

    /// <summary>Waits up to <paramref name="wait"/> (5 s by default) for the lock; dispose to release it.</summary>
    /// <exception cref="LockNotAcquiredException">Still held by another after the wait.</exception>
    public async Task<IAsyncDisposable> AcquireAsync(string key, CancellationToken ct, TimeSpan? wait = null)
    {
        var token = Guid.NewGuid().ToString("N");
        var deadline = DateTime.UtcNow + (wait ?? DefaultWait);
        var pause = TimeSpan.FromMilliseconds(10);
        while (!await redis.Database.LockTakeAsync(key, token, AutoRelease))
        {
            if (DateTime.UtcNow >= deadline) throw new LockNotAcquiredException(key);
            await Task.Delay(pause, ct);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromMilliseconds(200).Ticks));
        }
        return new Held(redis.Database, key, token);
    }

    private sealed class Held(IDatabase database, RedisKey key, RedisValue token) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await database.LockReleaseAsync(key, token);
    }
}
