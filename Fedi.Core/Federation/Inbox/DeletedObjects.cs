using Fedi.Core.Contracts;
using Fedi.Core.Redis;

namespace Fedi.Core.Federation.Inbox;

/// <summary>Deletes that arrived before their object, remembered for a week so the late Create loses (Mastodon's delete_later!).</summary>
public sealed class DeletedObjects(RedisConnection redis)
{
    public Task RememberAsync(long accountId, string uri) =>
        redis.Database.StringSetAsync(RedisKeys.DeleteUponArrival(accountId, uri), "1", RedisKeys.DeleteUponArrivalTtl);

    public Task<bool> ArrivedFirstAsync(long accountId, string uri) =>
        redis.Database.KeyExistsAsync(RedisKeys.DeleteUponArrival(accountId, uri));
}
