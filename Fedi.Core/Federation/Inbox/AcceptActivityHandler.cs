using Fedi.Core.Errors;
using Fedi.Core.Follows;

namespace Fedi.Core.Federation.Inbox;

/// <summary>Accept{Follow} (Mastodon's ActivityPub::Activity::Accept): the local account's pending request to the
/// accepting actor becomes a follow. An Accept with no request pending changes nothing.</summary>
public sealed class AcceptActivityHandler(AnsweredFollow answered, AuthorizeFollowService authorize) : IActivityHandler
{
    public string Type => "Accept";

    public async Task HandleAsync(InboxActivity activity, CancellationToken ct)
    {
        if (await answered.FindFollowerAsync(activity, ct) is not { } follower) return;
        try
        {
            await authorize.AuthorizeAsync(activity.ActorId, follower.Id, ct);
        }
        catch (ApiException e) when (e.Status == 404)
        {
            // Already accepted, or withdrawn: nothing is pending.
        }
    }
}
