using StackExchange.Redis;

namespace Fedi.Core.Redis;

/// <summary>The lock was held by someone else for longer than the caller would wait (transient: retry later).</summary>
public sealed class LockNotAcquiredException(string key) : Exception($"could not acquire {key}");

/// <summary>
/// Mastodon's with_redis_lock — a key set with NX and a random token, released only by its holder — used so that
/// fan-out and removal of one status never interleave. Unlike Mastodon's 15-minute auto-release, the key is a
/// short <see cref="Lease"/> renewed while its holder runs: when Redis goes away mid-job, the release (or the
/// reply to the take) is lost, and the job's retry must find the lock expired within seconds, not after 15
/// minutes of failing with "could not acquire".
/// </summary>
public sealed class RedisLock(RedisConnection redis)
{
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Renewal = Lease / 3;
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(5);

    /// <summary>Waits up to <paramref name="wait"/> (5 s by default) for the lock; dispose to release it.</summary>
    /// <exception cref="LockNotAcquiredException">Still held by another after the wait.</exception>
    public async Task<IAsyncDisposable> AcquireAsync(string key, CancellationToken ct, TimeSpan? wait = null)
    {
        var token = Guid.NewGuid().ToString("N");
        var deadline = DateTime.UtcNow + (wait ?? DefaultWait);
        var pause = TimeSpan.FromMilliseconds(10);
        while (!await redis.Database.LockTakeAsync(key, token, Lease))
        {
            if (DateTime.UtcNow >= deadline) throw new LockNotAcquiredException(key);
            await Task.Delay(pause, ct);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromMilliseconds(200).Ticks));
        }
        return new Held(redis.Database, key, token);
    }

    private sealed class Held : IAsyncDisposable
    {
        private readonly IDatabase _database;
        private readonly RedisKey _key;
        private readonly RedisValue _token;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewing;

        public Held(IDatabase database, RedisKey key, RedisValue token)
        {
            (_database, _key, _token) = (database, key, token);
            _renewing = RenewAsync(_stop.Token);
        }

        private async Task RenewAsync(CancellationToken stop)
        {
            using var timer = new PeriodicTimer(Renewal);
            try
            {
                while (await timer.WaitForNextTickAsync(stop))
                {
                    try
                    {
                        await _database.LockExtendAsync(_key, _token, Lease);
                    }
                    catch (Exception e) when (e is RedisException or TimeoutException)
                    {
                        // Redis away: the lease runs out by itself, which is what a stuck holder should cause.
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _renewing;
            _stop.Dispose();
            await _database.LockReleaseAsync(_key, _token);
        }
    }
}
