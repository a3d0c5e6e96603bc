using Fedi.Core.Contracts;
using Fedi.Core.Statuses;
using Fedi.Core.Tags;

namespace Fedi.Core.Timelines;

/// <summary>
/// The hashtag, list and direct parts of fan-out and removal, called once by <see cref="FanOutOnWriteService"/>
/// and <see cref="RemoveStatusService"/> (under their distribute lock) so those stay about home feeds and public channels.
/// </summary>
public sealed class ChannelFanOut(TagChannels tags, ListFeeds lists, DirectConversations direct, TagFollowerFeeds tagFollowers)
{
    /// <param name="update">an edit: the channels get its status.update, the conversations already hold the status.</param>
    public async Task FanOutAsync(Status status, StatusPayloads payloads, CancellationToken ct = default, bool update = false)
    {
        await tags.PublishAsync(status, () => payloads.AnonymousAsync(ct), ct);
        await lists.DeliverAsync(status, payloads, ct);
        if (!update) await direct.DeliverAsync(status, ct);
        if (!update) await tagFollowers.DeliverAsync(status, payloads, ct);
    }

    /// <summary>For a soft-deleted status: <c>delete</c> on its hashtag and list channels, out of list feeds and conversations.</summary>
    public async Task RemoveAsync(Status status, CancellationToken ct = default)
    {
        await tags.PublishAsync(status, () => Task.FromResult(StreamMessage.EncodeDelete(status.Id)), ct);
        await lists.RemoveAsync(status, ct);
        await direct.RemoveAsync(status, ct);
        await tagFollowers.RemoveAsync(status, ct);
    }
}
