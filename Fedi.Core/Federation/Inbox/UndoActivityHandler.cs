using Fedi.Core.Accounts;
using Fedi.Core.Configuration;
using Fedi.Core.Federation.ActivityStreams;
using Fedi.Core.Follows;

namespace Fedi.Core.Federation.Inbox;

/// <summary>Undo{Follow} (Mastodon's ActivityPub::Activity::Undo): the follow, or the pending request, is removed. Other undos are ignored.</summary>
public sealed class UndoActivityHandler(LocalUris uris, AccountStore accounts, InstanceOptions instance, UnfollowService unfollow, InboxStore store)
    : IActivityHandler
{
    public string Type => "Undo";

    public async Task HandleAsync(InboxActivity activity, CancellationToken ct)
    {
        if (activity.ObjectType != "Follow") return;
        // The undone Follow must be the undoing actor's own.
        var follower = InboxActivity.Str(activity.Object, "actor");
        if (follower is not null && follower != activity.ActorUri) return;
        if (InboxActivity.Str(activity.Object, "object") is not { } target || uris.UsernameOf(target) is not { } username) return;
        if (await accounts.FindByAcctAsync(username, instance.LocalDomain, ct) is not { IsLocal: true } local) return;
        await store.DeleteFollowRequestAsync(activity.ActorId, local.Id, ct);
        await unfollow.UnfollowAsync(activity.ActorId, local.Id, ct);
    }
}
