namespace Fedi.Core.Federation.Inbox;

/// <summary>A handler whose activity an Undo can take back (Mastodon's ActivityPub::Activity::Undo#undo_&lt;type&gt;).</summary>
public interface IUndoableActivityHandler : IActivityHandler
{
    /// <summary>Takes back <paramref name="undone"/>, the Undo's object, already checked to be the undoing actor's own.</summary>
    Task UndoAsync(InboxActivity undone, CancellationToken ct);
}
