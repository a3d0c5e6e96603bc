using Fedi.Core.Errors;
using Fedi.Core.Statuses;

namespace Fedi.Core.Interactions;

/// <summary>The status an interaction acts on, or 404 when the viewer may not see it (Mastodon's set_status with authorize :show?).</summary>
public sealed class VisibleStatuses(StatusStore statuses, StatusPolicy policy)
{
    /// <summary>The status itself, as the viewer may see it.</summary>
    public async Task<Status> FindAsync(long statusId, long? viewerId, CancellationToken ct = default)
    {
        var status = await statuses.FindAsync(statusId, ct);
        if (status is null || !await policy.CanViewAsync(status, viewerId, ct)) throw ApiException.NotFound();
        return status;
    }

    /// <summary>The status a reblog wraps, or the status itself: favouriting or bookmarking a reblog acts on its original.</summary>
    public async Task<Status> FindProperAsync(long statusId, long viewerId, CancellationToken ct = default)
    {
        var status = await FindAsync(statusId, viewerId, ct);
        return status.ReblogOfId is { } originalId ? await FindAsync(originalId, viewerId, ct) : status;
    }
}
