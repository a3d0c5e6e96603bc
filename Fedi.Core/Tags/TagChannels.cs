using Fedi.Core.Statuses;
using Fedi.Core.Streams;

namespace Fedi.Core.Tags;

/// <summary>
/// Which statuses reach <c>timeline:hashtag:&lt;name&gt;</c> and, for this server's statuses, <c>…:local</c> (Mastodon's
/// deliver_to_hashtags!): public statuses that are not reblogs, replies included — unlike the public channels.
/// The <see cref="StreamPublisher"/> publishes.
/// </summary>
public sealed class TagChannels(TagStore tags, StreamPublisher streams)
{
    public static bool Reaches(Status status) => status.Visibility == StatusVisibility.Public && status.ReblogOfId is null;

    /// <summary>Publishes <paramref name="message"/> (the anonymous <c>update</c>, or a <c>delete</c>) on every tag's channels.</summary>
    public async Task PublishAsync(Status status, Func<Task<string>> message, CancellationToken ct = default)
    {
        if (!Reaches(status)) return;
        var names = (await tags.ListNamesAsync([status.Id], ct))[status.Id].ToList();
        if (names.Count == 0) return;
        await streams.PublishHashtagsAsync(names, status.Local, await message());
    }
}
