namespace Fedi.Core.Federation.Inbox;

/// <summary>Handles one activity type (Mastodon's ActivityPub::Activity::&lt;Type&gt;).</summary>
public interface IActivityHandler
{
    /// <summary>The activity's "type", e.g. "Follow".</summary>
    string Type { get; }

    Task HandleAsync(InboxActivity activity, CancellationToken ct);
}
