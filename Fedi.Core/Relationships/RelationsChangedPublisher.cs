using Fedi.Core.Contracts;
using Fedi.Core.Redis;

namespace Fedi.Core.Relationships;

/// <summary>
/// Tells the streaming tier that an account's blocks, mutes or domain blocks changed, so its connections
/// reload the sets they filter public and hashtag streams with (<see cref="StreamEvents.RelationsChanged"/>).
/// </summary>
public sealed class RelationsChangedPublisher(RedisConnection redis)
{
    public Task PublishAsync(params long[] accountIds) =>
        Task.WhenAll(accountIds.Distinct().Select(id => redis.PublishAsync(RedisChannels.System(id), StreamMessage.EncodeRelationsChanged())));
}
