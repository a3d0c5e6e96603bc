using Fedi.Core.Accounts;
using Fedi.Core.Configuration;
using Fedi.Core.Federation.ActivityStreams;

namespace Fedi.Core.Federation.Inbox;

/// <summary>
/// The local follower an Accept or Reject answers (Mastodon's accept_embedded_follow and follow_request_from_object):
/// the embedded Follow's actor, or, for a bare Follow id, the local actor that id was minted under
/// (<see cref="RelationshipDocument.FollowId"/>). An embedded Follow must be of the answering actor.
/// </summary>
public sealed class AnsweredFollow(LocalUris uris, AccountStore accounts, InstanceOptions instance)
{
    public async Task<Account?> FindFollowerAsync(InboxActivity answer, CancellationToken ct = default)
    {
        if (answer.ObjectType is { } type && type != "Follow") return null;
        var target = InboxActivity.Str(answer.Object, "object");
        if (target is not null && target != answer.ActorUri) return null;
        var follower = InboxActivity.Str(answer.Object, "actor") ?? answer.ObjectId?.Split('#')[0];
        if (follower is null || uris.UsernameOf(follower) is not { } username) return null;
        return await accounts.FindByAcctAsync(username, instance.LocalDomain, ct) is { IsLocal: true } local ? local : null;
    }
}
