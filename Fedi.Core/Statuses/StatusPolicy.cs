namespace Fedi.Core.Statuses;

/// <summary>Who may see a status (Mastodon's StatusPolicy#show?).</summary>
public sealed class StatusPolicy(StatusStore statuses, StatusFilterStore filter)
{
    /// <summary>
    /// Public and unlisted: anyone but an account the author (or reblogged author) blocks. Private: the author,
    /// followers and mentioned accounts. Direct: the author and mentioned accounts.
    /// </summary>
    public async Task<bool> CanViewAsync(Status status, long? viewerId, CancellationToken ct = default)
    {
        if (status.Visibility is StatusVisibility.Public or StatusVisibility.Unlisted)
            return viewerId is null || viewerId == status.AccountId || !await filter.IsBlockedByAuthorAsync(status, viewerId.Value, ct);
        if (viewerId is not { } viewer) return false;
        if (viewer == status.AccountId) return true;
        return await statuses.ReachesAsync(status.Id, status.AccountId, viewer, followersToo: status.Visibility == StatusVisibility.Private, ct);
    }
}
