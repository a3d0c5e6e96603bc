using Fedi.Core.Errors;

namespace Fedi.Core.Statuses;

/// <summary>The statuses above and below one in its thread.</summary>
public sealed record StatusContext(IReadOnlyList<Status> Ancestors, IReadOnlyList<Status> Descendants);

/// <summary>
/// GET /api/v1/statuses/:id/context (Mastodon's ContextController): the status must be readable by the viewer,
/// and so must every status shown around it. Anonymous readers get Mastodon's smaller bounds.
/// </summary>
public sealed class StatusContextService(StatusStore statuses, StatusPolicy policy, StatusContextStore context)
{
    /// <summary>Mastodon's ANCESTORS_LIMIT, DESCENDANTS_LIMIT and DESCENDANTS_DEPTH_LIMIT for anonymous readers.</summary>
    public const int AnonymousAncestors = 40, AnonymousDescendants = 60, AnonymousDepth = 20;

    /// <summary>Mastodon's CONTEXT_LIMIT for signed-in readers (no depth bound).</summary>
    public const int SignedInLimit = 4096;

    public async Task<StatusContext> ReadAsync(long statusId, long? viewerId, CancellationToken ct = default)
    {
        var status = await statuses.FindAsync(statusId, ct);
        if (status is null || !await policy.CanViewAsync(status, viewerId, ct)) throw ApiException.NotFound();
        var signedIn = viewerId is not null;
        var ancestors = status.InReplyToId is null
            ? []
            : await context.ListAncestorsAsync(status.Id, viewerId, signedIn ? SignedInLimit : AnonymousAncestors, ct);
        var descendants = await context.ListDescendantsAsync(status.Id, viewerId,
            signedIn ? SignedInLimit : AnonymousDescendants, signedIn ? null : AnonymousDepth, ct);
        return new StatusContext(ancestors, descendants);
    }
}
