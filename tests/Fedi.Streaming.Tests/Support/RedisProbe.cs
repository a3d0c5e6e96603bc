using Fedi.Core.Contracts;
using StackExchange.Redis;

namespace Fedi.Streaming.Tests.Support;

/// <summary>Talks to the cluster's Redis as a producer would: channel and key names get the cluster's namespace.</summary>
public sealed class RedisProbe(IConnectionMultiplexer redis, string redisNamespace)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public string Prefixed(string name) => $"{redisNamespace}:{name}";

    /// <summary>PUBLISH; returns how many subscribers got it.</summary>
    public Task<long> PublishAsync(string channel, string message) =>
        redis.GetSubscriber().PublishAsync(RedisChannel.Literal(Prefixed(channel)), message);

    /// <summary>Publishes once the streaming tier listens on <paramref name="channel"/>, so the message cannot be missed.</summary>
    public async Task PublishWhenListenedAsync(string channel, string message)
    {
        await WaitUntilListenedAsync(channel);
        await PublishAsync(channel, message);
    }

    /// <summary>
    /// Until a process routes <paramref name="channel"/> to its listeners: a SUBSCRIBE on it, or, for the per-user
    /// channels a process may receive through its one <c>timeline:[0-9]*</c> pattern (STREAMING_USER_CHANNELS=pattern),
    /// the <c>subscribed:</c> key it sets once the channel's listeners are in place. Meant for channels of fresh accounts.
    /// </summary>
    public Task WaitUntilListenedAsync(string channel) =>
        Eventually.TrueAsync(
            async () => await SubscriberCountAsync(channel) >= 1 || (IsUserChannel(channel) && await KeyExistsAsync(RedisKeys.Subscribed(channel))),
            $"a streaming process listens on {channel}");

    /// <summary><c>timeline:&lt;id&gt;</c> and <c>timeline:&lt;id&gt;:notifications</c>.</summary>
    public static bool IsUserChannel(string channel) =>
        channel.StartsWith("timeline:", StringComparison.Ordinal) && channel.Length > 9 && char.IsAsciiDigit(channel[9]);

    /// <summary>PUBSUB NUMSUB of the namespaced channel: how many connections subscribe to it.</summary>
    public async Task<long> SubscriberCountAsync(string channel)
    {
        var result = await redis.GetServers()[0].ExecuteAsync("PUBSUB", "NUMSUB", Prefixed(channel));
        var parts = (RedisResult[])result!;
        return (long)parts[1];
    }

    /// <summary>Waits until <paramref name="channel"/> has at least (or, with <paramref name="atMost"/>, at most) <paramref name="count"/> subscribers.</summary>
    public Task WaitForSubscribersAsync(string channel, long count, bool atMost = false) =>
        Eventually.TrueAsync(async () =>
        {
            var current = await SubscriberCountAsync(channel);
            return atMost ? current <= count : current >= count;
        }, $"{(atMost ? "at most" : "at least")} {count} subscribers on {channel}");

    public Task<bool> KeyExistsAsync(string key) => redis.GetDatabase().KeyExistsAsync(Prefixed(key));

    public Task<TimeSpan?> KeyTimeToLiveAsync(string key) => redis.GetDatabase().KeyTimeToLiveAsync(Prefixed(key));
}
