using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Contracts;
using Fedi.Core.Json;
using Fedi.Core.Statuses;

namespace Fedi.Core.Timelines;

/// <summary>
/// The <c>update</c> messages of one status, each rendered at most once however many recipients: the
/// anonymous rendering (public channels), the author's, and the one every other signed-in viewer gets.
/// A status that is being fanned out is new, so no viewer has favourited, reblogged, bookmarked or muted it
/// yet: one follower's rendering is every follower's. A reblog is not new to its original's readers (one may
/// have favourited the original), so each follower gets their own rendering of it.
/// </summary>
/// <param name="eventName">update for a new status, status.update for an edit.</param>
public sealed class StatusPayloads(StatusRenderer renderer, Status status, string eventName = StreamEvents.Update)
{
    private string? _anonymous;
    private string? _author;
    private string? _follower;

    public async Task<string> AnonymousAsync(CancellationToken ct) =>
        _anonymous ??= await RenderAsync(null, ct);

    /// <summary>The message for <paramref name="viewerId"/>'s home stream.</summary>
    public async Task<string> ForViewerAsync(long viewerId, CancellationToken ct) => viewerId == status.AccountId
        ? _author ??= await RenderAsync(viewerId, ct)
        : status.ReblogOfId is not null ? await RenderAsync(viewerId, ct)
        : _follower ??= await RenderAsync(viewerId, ct);

    private async Task<string> RenderAsync(long? viewerId, CancellationToken ct) =>
        StreamMessage.Encode(eventName, FediJson.Serialize(await renderer.RenderAsync(status, viewerId, ct)));
}
