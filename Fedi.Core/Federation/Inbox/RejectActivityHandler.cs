using Fedi.Core.Follows;

namespace Fedi.Core.Federation.Inbox;

/// <summary>Reject{Follow} (Mastodon's ActivityPub::Activity::Reject): the local account's request to the rejecting
/// actor is dropped, or its follow removed when it had been accepted; the remote side is not told again.</summary>
public sealed class RejectActivityHandler(AnsweredFollow answered, FollowRequestStore requests, UnfollowService unfollow) : IActivityHandler
{
    public string Type => "Reject";

    public async Task HandleAsync(InboxActivity activity, CancellationToken ct)
    {
        if (await answered.FindFollowerAsync(activity, ct) is not { } follower) return;
        if (await requests.DeleteAsync(follower.Id, activity.ActorId, ct) is null)
            await unfollow.UnfollowAsync(follower.Id, activity.ActorId, ct, federate: false);
    }
}
