using Fedi.Core.Follows;

namespace Fedi.Core.ClientApi;

/// <summary>
/// Relationships of a viewer to many accounts in two queries (Mastodon's AccountRelationshipsPresenter).
/// Blocks, mutes, follow requests, endorsements and notes do not exist yet, so they are always false/empty.
/// </summary>
public sealed class RelationshipRenderer(FollowStore follows)
{
    /// <summary>One entity per id, in the order given.</summary>
    public async Task<IReadOnlyList<ApiRelationship>> RenderManyAsync(long viewerId, IReadOnlyList<long> accountIds, CancellationToken ct = default)
    {
        var following = (await follows.ListFollowingAsync(viewerId, accountIds, ct)).ToDictionary(f => f.TargetAccountId);
        var followedBy = await follows.ListFollowedByAsync(viewerId, accountIds, ct);
        return accountIds.Select(id =>
        {
            var follow = following.GetValueOrDefault(id);
            return new ApiRelationship
            {
                Id = ApiFormat.Id(id),
                Following = follow is not null,
                ShowingReblogs = follow?.ShowReblogs ?? false,
                Notifying = follow?.Notify ?? false,
                Languages = follow?.Languages,
                FollowedBy = followedBy.Contains(id),
            };
        }).ToList();
    }

    public async Task<ApiRelationship> RenderAsync(long viewerId, long accountId, CancellationToken ct = default) =>
        (await RenderManyAsync(viewerId, [accountId], ct))[0];
}
