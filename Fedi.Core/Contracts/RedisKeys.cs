namespace Fedi.Core.Contracts;

/// <summary>
/// Every Redis key that crosses a process boundary, named as Mastodon names it. REDIS_NAMESPACE is
/// applied by <see cref="Redis.RedisConnection"/>, never here.
/// </summary>
public static class RedisKeys
{
    /// <summary>Max entries kept in a home or list feed (Mastodon's FeedManager::MAX_ITEMS).</summary>
    public const int FeedMaxItems = 800;

    /// <summary>Sorted set, member = score = status id, newest 800. Written by the worker (fan-out,
    /// removal) and by web (rebuild for a returning user); read by web's home timeline.</summary>
    public static string HomeFeed(long accountId) => $"feed:home:{accountId}";

    /// <summary>How near the top of a home feed an original or a reblog of it must be for a further reblog to be left
    /// out (Mastodon's FeedManager::REBLOG_FALLOFF).</summary>
    public const int ReblogFalloff = 80;

    /// <summary>Sorted set, member = reblogged status id, score = the id of the reblog standing for it in
    /// <see cref="HomeFeed"/>; only reblogs within the top <see cref="ReblogFalloff"/> entries (Mastodon's
    /// feed:home:&lt;id&gt;:reblogs). Its set <c>…:reblogs:&lt;original id&gt;</c> holds the further reblogs left out.
    /// Written and read by the worker's fan-out and removal only (inside their scripts).</summary>
    public static string HomeFeedReblogs(long accountId) => $"{HomeFeed(accountId)}:reblogs";

    /// <summary>Sorted set like <see cref="HomeFeed"/> for a list. Written by the worker's fan-out (into existing
    /// feeds only) and removal, and by web (rebuilt from PostgreSQL on read when missing; deleted when the list's
    /// members change or the list is deleted); read by web's list timeline.</summary>
    public static string ListFeed(long listId) => $"feed:list:{listId}";

    /// <summary>Hash {status: running|finished}; "the feed is being rebuilt". EX 1 day running, 1 h finished.</summary>
    public static string Regeneration(long accountId) => $"account:{accountId}:regeneration";

    /// <summary>String "1", EX 1080 s, refreshed every 360 s by streaming while someone listens on
    /// <paramref name="channel"/>; <see cref="Streams.StreamPublisher"/> skips per-user pushes when it is absent.</summary>
    public static string Subscribed(string channel) => $"subscribed:{channel}";

    /// <summary>Seconds a subscribed: key lives, and how often streaming refreshes it.</summary>
    public static readonly TimeSpan SubscribedTtl = TimeSpan.FromSeconds(1080);
    public static readonly TimeSpan SubscribedRefresh = TimeSpan.FromSeconds(360);

    /// <summary>String status id, EX 1 h; written by web when a client sends Idempotency-Key.</summary>
    public static string StatusIdempotency(long accountId, string key) => $"idempotency:status:{accountId}:{key}";

    /// <summary>redlock-style lock key (Mastodon's lockable concern), e.g. lock:distribute:&lt;status id&gt;.</summary>
    public static string Lock(string name) => $"lock:{name}";

    /// <summary>String counter of requests in one fixed window (<paramref name="window"/> = Unix seconds / period) of
    /// one throttle for one client (user id, token id, address or e-mail), Rack::Attack's key shape. INCR and EXPIRE
    /// at the window's end (+1 s) in one script by every web process, which alone reads it.</summary>
    public static string Throttle(string name, long window, string client) => $"rack::attack:{window}:{name}:{client}";

    /// <summary>String "1", EX 1 day: an inbound activity id already accepted (SET NX by web's inbox before it enqueues
    /// the activity), so a peer's retry or a second delivery of the same activity is processed once.</summary>
    public static string ActivityAccepted(string activityId) => $"activitypub:accepted:{activityId}";

    public static readonly TimeSpan ActivityAcceptedTtl = TimeSpan.FromDays(1);

    /// <summary>String "1", EX 7 days (Mastodon's delete_upon_arrival): a Delete of <paramref name="uri"/> by the account
    /// arrived before the object itself. Written by the worker's Delete handler, read by its Create handler, which then
    /// drops the late Create.</summary>
    public static string DeleteUponArrival(long accountId, string uri) => $"delete_upon_arrival:{accountId}:{uri}";

    public static readonly TimeSpan DeleteUponArrivalTtl = TimeSpan.FromDays(7);
}
