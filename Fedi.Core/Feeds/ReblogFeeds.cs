using Fedi.Core.Contracts;
using Fedi.Core.Redis;
using StackExchange.Redis;

namespace Fedi.Core.Feeds;

/// <summary>
/// Reblogs in home feeds with Mastodon's aggregation (FeedManager#add_to_feed / #remove_from_feed): a reblog is
/// left out of a feed that holds its original, or another reblog of it, within the top
/// <see cref="RedisKeys.ReblogFalloff"/> entries; <see cref="RedisKeys.HomeFeedReblogs"/> remembers which reblog
/// stands for an original, and the set beside it the reblogs left out, so a removed reblog can be replaced.
/// </summary>
public sealed class ReblogFeeds(RedisConnection redis)
{
    // KEYS = (feed, feed:reblogs) pairs; ARGV = max entries, reblog id, original id, falloff.
    // Returns the 1-based indexes of the pairs whose feed took the reblog. Feeds that do not exist are left alone.
    private const string AddScript = """
        local max, id, orig, falloff = tonumber(ARGV[1]), ARGV[2], ARGV[3], tonumber(ARGV[4])
        local accepted = {}
        for i = 1, #KEYS, 2 do
          local feed, reblogs = KEYS[i], KEYS[i + 1]
          if redis.call('EXISTS', feed) == 1 then
            local rank = redis.call('ZREVRANK', feed, orig)
            if not rank or rank >= falloff then
              if redis.call('ZADD', reblogs, 'NX', id, orig) == 1 then
                redis.call('ZADD', feed, id, id)
                redis.call('ZREMRANGEBYRANK', feed, 0, -(max + 1))
                local edge = redis.call('ZREVRANGE', feed, falloff, falloff, 'WITHSCORES')
                if edge[2] then
                  for _, old in ipairs(redis.call('ZRANGEBYSCORE', reblogs, 0, edge[2])) do redis.call('DEL', reblogs .. ':' .. old) end
                  redis.call('ZREMRANGEBYSCORE', reblogs, 0, edge[2])
                end
                accepted[#accepted + 1] = (i + 1) / 2
              else
                redis.call('SADD', reblogs .. ':' .. orig, id)
              end
            end
          end
        end
        return accepted
        """;

    // KEYS = (feed, feed:reblogs) pairs; ARGV = reblog id, original id. A reblog that stood for its original gives
    // way to the oldest of the reblogs left out, if any (Mastodon's remove_from_feed).
    private const string RemoveScript = """
        local id, orig = ARGV[1], ARGV[2]
        for i = 1, #KEYS, 2 do
          local feed, reblogs = KEYS[i], KEYS[i + 1]
          local others = reblogs .. ':' .. orig
          redis.call('SREM', others, id)
          if redis.call('ZREM', feed, id) == 1 and tonumber(redis.call('ZSCORE', reblogs, orig) or '0') == tonumber(id) then
            redis.call('ZREM', reblogs, orig)
            local other = nil
            for _, candidate in ipairs(redis.call('SMEMBERS', others)) do
              if not other or tonumber(candidate) < tonumber(other) then other = candidate end
            end
            if other then
              redis.call('SREM', others, other)
              redis.call('ZADD', feed, other, other)
              redis.call('ZADD', reblogs, other, orig)
            end
          end
        end
        return 0
        """;

    /// <summary>Adds a reblog to the existing home feeds of <paramref name="accountIds"/> that do not already show it; those that took it.</summary>
    public async Task<IReadOnlyList<long>> AddToExistingHomeFeedsAsync(IReadOnlyList<long> accountIds, long reblogId, long originalId)
    {
        if (accountIds.Count == 0) return [];
        RedisValue[] args = [RedisKeys.FeedMaxItems, reblogId, originalId, RedisKeys.ReblogFalloff];
        var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(AddScript, Keys(accountIds), args))!;
        return result.Select(index => accountIds[(int)index - 1]).ToList();
    }

    /// <summary>Takes a reblog out of the home feeds of <paramref name="accountIds"/>.</summary>
    public async Task RemoveFromHomeFeedsAsync(IReadOnlyCollection<long> accountIds, long reblogId, long originalId)
    {
        if (accountIds.Count == 0) return;
        await redis.Database.ScriptEvaluateAsync(RemoveScript, Keys(accountIds), [reblogId, originalId]);
    }

    private static RedisKey[] Keys(IEnumerable<long> accountIds) =>
        accountIds.SelectMany(id => new RedisKey[] { RedisKeys.HomeFeed(id), RedisKeys.HomeFeedReblogs(id) }).ToArray();
}
