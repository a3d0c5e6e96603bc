using Fedi.Core.Contracts;
using Fedi.Core.Redis;
using Fedi.Core.Statuses;

namespace Fedi.Core.Tags;

/// <summary>
/// Publishes on <c>timeline:hashtag:&lt;name&gt;</c> and, for this server's statuses, <c>…:local</c> (Mastodon's
/// deliver_to_hashtags!): public statuses that are not reblogs, replies included — unlike the public channels.
/// </summary>
public sealed class TagChannels(TagStore tags, RedisConnection redis)
{
    public static bool Reaches(Status status) => status.Visibility == StatusVisibility.Public && status.ReblogOfId is null;

    /// <summary>Publishes <paramref name="message"/> (the anonymous <c>update</c>, or a <c>delete</c>) on every tag's channels.</summary>
    public async Task PublishAsync(Status status, Func<Task<string>> message, CancellationToken ct = default)
    {
        if (!Reaches(status)) return;
        var names = (await tags.ListNamesAsync([status.Id], ct))[status.Id].ToList();
        if (names.Count == 0) return;
        var text = await message();
        var publishes = names.Select(name => redis.PublishAsync(RedisChannels.Hashtag(name), text)).ToList();
        if (status.Local) publishes.AddRange(names.Select(name => redis.PublishAsync(RedisChannels.Hashtag(name, localOnly: true), text)));
        await Task.WhenAll(publishes);
    }
}
