using Fedi.Core.Statuses;
using Npgsql;

namespace Fedi.Core.Interactions;

/// <summary>Bookmarks a status for oneself (Mastodon's BookmarksController: no counter, nobody is told).</summary>
public sealed class BookmarkService(NpgsqlDataSource db, VisibleStatuses visible, BookmarkStore bookmarks)
{
    public Task<Status> BookmarkAsync(long accountId, long statusId, CancellationToken ct = default) =>
        ChangeAsync(accountId, statusId, add: true, ct);

    public Task<Status> UnbookmarkAsync(long accountId, long statusId, CancellationToken ct = default) =>
        ChangeAsync(accountId, statusId, add: false, ct);

    private async Task<Status> ChangeAsync(long accountId, long statusId, bool add, CancellationToken ct)
    {
        var status = await visible.FindProperAsync(statusId, accountId, ct);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (add) await bookmarks.InsertAsync(conn, tx, accountId, status.Id, ct);
        else await bookmarks.DeleteAsync(conn, tx, accountId, status.Id, ct);
        await tx.CommitAsync(ct);
        return status;
    }
}
