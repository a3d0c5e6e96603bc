using Fedi.Core.Contracts;
using Fedi.Core.Feeds;
using Fedi.Core.Redis;

namespace Fedi.Core.Timelines;

/// <summary>
/// Rebuilds a home feed from PostgreSQL (Mastodon's PrecomputeFeedService): for a user who had none —
/// new, or back after USER_ACTIVE_DAYS — and before merging into a feed that does not exist yet.
/// One regeneration per account at a time, as Mastodon's RegenerationWorker lock: an app that opens
/// several timelines at once after a long absence queries PostgreSQL once, and the others read its result.
/// </summary>
public sealed class PrecomputeFeedService(TimelineStore timelines, FeedManager feeds, RedisLock locks)
{
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    public static string LockKey(long accountId) => RedisKeys.Lock($"regeneration:{accountId}");

    /// <summary>Builds the home feed unless it exists (or another request built it while this one waited).</summary>
    public async Task EnsureHomeAsync(long accountId, CancellationToken ct = default)
    {
        IAsyncDisposable? held = null;
        try
        {
            held = await locks.AcquireAsync(LockKey(accountId), ct, LockWait);
        }
        catch (LockNotAcquiredException)
        {
            // A rebuild that outlasts the wait is stuck or very slow: building again is harmless (same ids).
        }
        try
        {
            if (await feeds.HomeFeedExistsAsync(accountId)) return;
            var ids = await timelines.ListHomeFeedIdsAsync(accountId, RedisKeys.FeedMaxItems, ct);
            // Followed hashtags reach a home feed by fan-out only; half of it at most, so they never crowd out follows.
            var tagged = await timelines.ListFollowedTagStatusIdsAsync(accountId, RedisKeys.FeedMaxItems / 2, ct);
            await feeds.AddToHomeFeedAsync(accountId, [.. ids.Union(tagged)]);
        }
        finally
        {
            if (held is not null) await held.DisposeAsync();
        }
    }
}
