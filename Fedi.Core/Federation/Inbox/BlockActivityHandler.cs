using Fedi.Core.Relationships;

namespace Fedi.Core.Federation.Inbox;

/// <summary>
/// Block of a local account (Mastodon's ActivityPub::Activity::Block): the block recorded and the follows both ways
/// removed, as a local block does; Undo{Block} lifts it.
/// </summary>
public sealed class BlockActivityHandler(LocalActors locals, BlockService blocks, UnblockService unblocks) : IUndoableActivityHandler
{
    public string Type => "Block";

    public async Task HandleAsync(InboxActivity activity, CancellationToken ct)
    {
        if (await locals.FindAsync(activity.ObjectId, ct) is { } target) await blocks.BlockAsync(activity.ActorId, target.Id, ct);
    }

    public async Task UndoAsync(InboxActivity undone, CancellationToken ct)
    {
        if (await locals.FindAsync(undone.ObjectId, ct) is { } target) await unblocks.UnblockAsync(undone.ActorId, target.Id, ct);
    }
}
