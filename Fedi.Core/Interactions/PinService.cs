using Fedi.Core.Errors;
using Fedi.Core.Statuses;
using Npgsql;

namespace Fedi.Core.Interactions;

/// <summary>
/// Pins one's own statuses to one's profile (Mastodon's StatusPinValidator and its messages): not a reblog, not
/// someone else's, not direct, at most <see cref="MaxPinned"/>.
/// </summary>
public sealed class PinService(NpgsqlDataSource db, VisibleStatuses visible, PinStore pins, StatusStore statuses, StatusPolicy policy)
{
    /// <summary>Mastodon's StatusPinValidator::MAX_PINNED.</summary>
    public const int MaxPinned = 5;

    public async Task<Status> PinAsync(long accountId, long statusId, CancellationToken ct = default)
    {
        var status = await visible.FindAsync(statusId, accountId, ct);
        if (status.ReblogOfId is not null) throw Invalid("A boost cannot be pinned");
        if (status.AccountId != accountId) throw Invalid("Someone else's post cannot be pinned");
        if (status.Visibility == StatusVisibility.Direct) throw Invalid("Posts that are only visible to mentioned users cannot be pinned");

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (!await pins.InsertWithinLimitAsync(conn, tx, accountId, status.Id, MaxPinned, ct))
            throw Invalid("You have already pinned the maximum number of posts");
        await tx.CommitAsync(ct);
        return status;
    }

    public async Task<Status> UnpinAsync(long accountId, long statusId, CancellationToken ct = default)
    {
        var status = await visible.FindAsync(statusId, accountId, ct);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await pins.DeleteAsync(conn, tx, accountId, status.Id, ct);
        await tx.CommitAsync(ct);
        return status;
    }

    /// <summary>The account's pinned statuses the viewer may see, most recently pinned first (GET /accounts/:id/statuses?pinned=true).</summary>
    public async Task<IReadOnlyList<Status>> ListPinnedAsync(long accountId, long? viewerId, CancellationToken ct = default)
    {
        var ids = await pins.ListStatusIdsAsync(accountId, ct);
        var byId = (await statuses.ListAsync(ids, ct)).ToDictionary(s => s.Id);
        var shown = new List<Status>();
        foreach (var id in ids)
            if (byId.TryGetValue(id, out var status) && await policy.CanViewAsync(status, viewerId, ct)) shown.Add(status);
        return shown;
    }

    private static ApiException Invalid(string message) => ApiException.Unprocessable($"Validation failed: {message}");
}
