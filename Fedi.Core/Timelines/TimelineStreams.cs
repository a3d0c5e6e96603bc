using Fedi.Core.Contracts;
using Fedi.Core.Redis;

namespace Fedi.Core.Timelines;

/// <summary>
/// Publishes to the streaming tier. Per-user home events go only to accounts with a listener
/// (<c>subscribed:timeline:&lt;id&gt;</c>, kept alive by streaming), checked for a whole batch in one
/// pipelined round trip, and published in another.
/// </summary>
public sealed class TimelineStreams(RedisConnection redis)
{
    /// <summary>The accounts among <paramref name="accountIds"/> with a client on their home stream.</summary>
    public async Task<IReadOnlyList<long>> ListListeningAsync(IReadOnlyCollection<long> accountIds)
    {
        if (accountIds.Count == 0) return [];
        var batch = redis.Database.CreateBatch();
        var checks = accountIds.Select(id => (id, batch.KeyExistsAsync(RedisKeys.Subscribed(RedisChannels.Timeline(id))))).ToList();
        batch.Execute();
        var listening = new List<long>();
        foreach (var (id, exists) in checks)
            if (await exists) listening.Add(id);
        return listening;
    }

    /// <summary>Publishes <paramref name="message"/>(account id) on each account's <c>timeline:&lt;id&gt;</c>, pipelined.</summary>
    public async Task PublishHomeAsync(IReadOnlyCollection<long> accountIds, Func<long, string> message)
    {
        if (accountIds.Count == 0) return;
        await Task.WhenAll(accountIds.Select(id => redis.PublishAsync(RedisChannels.Timeline(id), message(id))));
    }

    /// <summary>On <c>timeline:public</c> and, by the status's origin, <c>timeline:public:local</c> or <c>:remote</c>.</summary>
    public Task PublishPublicAsync(bool local, string message) => Task.WhenAll(
        redis.PublishAsync(RedisChannels.Public, message),
        redis.PublishAsync(local ? RedisChannels.PublicLocal : RedisChannels.PublicRemote, message));
}
