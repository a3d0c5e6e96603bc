using Fedi.Core.ClientApi.Entities;
using Fedi.Core.Follows;
using Fedi.Core.Relationships;

namespace Fedi.Core.ClientApi.Rendering;

/// <summary>
/// Relationships of a viewer to many accounts, one query per relation for all of them (Mastodon's
/// AccountRelationshipsPresenter).
/// </summary>
public sealed class RelationshipRenderer(FollowStore follows, BlockStore blocks, MuteStore mutes, AccountDomainBlockStore domainBlocks,
    FollowRequestStore requests, AccountNoteStore notes, EndorsementStore endorsements)
{
    /// <summary>One entity per id, in the order given.</summary>
    public async Task<IReadOnlyList<ApiRelationship>> RenderManyAsync(long viewerId, IReadOnlyList<long> accountIds, CancellationToken ct = default)
    {
        var following = (await follows.ListFollowingAsync(viewerId, accountIds, ct)).ToDictionary(f => f.TargetAccountId);
        var followedBy = await follows.ListFollowedByAsync(viewerId, accountIds, ct);
        var blocking = await blocks.ListBlockingAsync(viewerId, accountIds, ct);
        var blockedBy = await blocks.ListBlockedByAsync(viewerId, accountIds, ct);
        var muting = (await mutes.ListMutingAsync(viewerId, accountIds, ct)).ToDictionary(m => m.TargetAccountId);
        var domainBlocking = await domainBlocks.ListAccountsOnBlockedDomainsAsync(viewerId, accountIds, ct);
        var requested = await requests.ListRequestedAsync(viewerId, accountIds, ct);
        var notesById = await notes.ListAsync(viewerId, accountIds, ct);
        var endorsed = await endorsements.ListEndorsedAsync(viewerId, accountIds, ct);
        return accountIds.Select(id =>
        {
            var follow = following.GetValueOrDefault(id);
            var mute = muting.GetValueOrDefault(id);
            return new ApiRelationship
            {
                Id = ApiFormat.Id(id),
                Following = follow is not null,
                ShowingReblogs = follow?.ShowReblogs ?? false,
                Notifying = follow?.Notify ?? false,
                Languages = follow?.Languages,
                FollowedBy = followedBy.Contains(id),
                Blocking = blocking.Contains(id),
                BlockedBy = blockedBy.Contains(id),
                Muting = mute is not null,
                MutingNotifications = mute?.HideNotifications ?? false,
                MutingExpiresAt = ApiFormat.Time(mute?.ExpiresAt),
                DomainBlocking = domainBlocking.Contains(id),
                Requested = requested.Contains(id),
                Note = notesById.GetValueOrDefault(id, ""),
                Endorsed = endorsed.Contains(id),
            };
        }).ToList();
    }

    public async Task<ApiRelationship> RenderAsync(long viewerId, long accountId, CancellationToken ct = default) =>
        (await RenderManyAsync(viewerId, [accountId], ct))[0];
}
