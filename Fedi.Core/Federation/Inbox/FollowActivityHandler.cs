using Fedi.Core.Accounts;
using Fedi.Core.Configuration;
using Fedi.Core.Errors;
using Fedi.Core.Federation.ActivityStreams;
using Fedi.Core.Follows;
using Microsoft.Extensions.Logging;

namespace Fedi.Core.Federation.Inbox;

/// <summary>
/// Follow of a local account (Mastodon's ActivityPub::Activity::Follow): a locked account gets a follow request,
/// any other is followed at once and the follower told so with an Accept. A follow refused (a block) is dropped.
/// </summary>
public sealed class FollowActivityHandler(
    LocalUris uris, AccountStore accounts, InstanceOptions instance, FollowService follows, InboxStore store,
    AcceptFollowService accept, ILogger<FollowActivityHandler> logger) : IActivityHandler
{
    public string Type => "Follow";

    public async Task HandleAsync(InboxActivity activity, CancellationToken ct)
    {
        if (activity.ObjectId is not { } target || uris.UsernameOf(target) is not { } username) return;
        if (await accounts.FindByAcctAsync(username, instance.LocalDomain, ct) is not { IsLocal: true } local) return;
        if (local.Locked)
        {
            await store.InsertFollowRequestAsync(activity.ActorId, local.Id, activity.Id, ct);
            return;
        }
        try
        {
            await follows.FollowAsync(activity.ActorId, local.Id, new FollowOptions(), ct);
        }
        catch (ApiException e)
        {
            logger.LogDebug("Follow {Id} of {Target} refused: {Reason}", activity.Id, target, e.Message);
            return;
        }
        await accept.AcceptAsync(activity, local.Id, ct);
    }
}
