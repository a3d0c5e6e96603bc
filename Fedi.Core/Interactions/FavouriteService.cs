using Fedi.Core.Statuses;
using Npgsql;

namespace Fedi.Core.Interactions;

/// <summary>
/// Mastodon's FavouriteService and UnfavouriteService: the favourite row and the status's
/// favourites_count change in one transaction, and only when the row really appears or goes, so a
/// repeated request counts once and concurrent ones all count.
/// </summary>
public sealed class FavouriteService(NpgsqlDataSource db, VisibleStatuses visible, FavouriteStore favourites, StatusStatsStore stats,
    Jobs.JobClient jobs)
{
    /// <summary>The favourited status (the original when a reblog is given).</summary>
    public async Task<Status> FavouriteAsync(long accountId, long statusId, CancellationToken ct = default)
    {
        var status = await visible.FindProperAsync(statusId, accountId, ct);
        if (await ChangeAsync(accountId, status.Id, add: true, ct))
            await jobs.EnqueueAsync(new Contracts.Jobs.LocalNotificationJob(status.AccountId, accountId, "favourite", status.Id));
        return status;
    }

    public async Task<Status> UnfavouriteAsync(long accountId, long statusId, CancellationToken ct = default)
    {
        var status = await visible.FindProperAsync(statusId, accountId, ct);
        await ChangeAsync(accountId, status.Id, add: false, ct);
        return status;
    }

    private async Task<bool> ChangeAsync(long accountId, long statusId, bool add, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var changed = add
            ? await favourites.InsertAsync(conn, tx, accountId, statusId, ct)
            : await favourites.DeleteAsync(conn, tx, accountId, statusId, ct);
        if (changed) await stats.AddAsync(conn, tx, statusId, StatusCounter.Favourites, add ? 1 : -1, ct);
        await tx.CommitAsync(ct);
        return changed;
    }
}
