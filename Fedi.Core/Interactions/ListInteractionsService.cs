using Fedi.Core.Accounts;
using Fedi.Core.Data;
using Fedi.Core.Statuses;

namespace Fedi.Core.Interactions;

/// <summary>
/// The lists interactions make: one's favourites and bookmarks (paged by the favourite or bookmark row, as
/// Mastodon's), and who favourited or reblogged a status (paged by the favourite row or the reblog's id).
/// </summary>
public sealed class ListInteractionsService(
    FavouriteStore favourites, BookmarkStore bookmarks, ReblogStore reblogs, StatusStore statuses, AccountStore accounts, VisibleStatuses visible)
{
    public async Task<RowPage<Status>> ListFavouritesAsync(long accountId, Page page, CancellationToken ct = default) =>
        await WithStatusesAsync(await favourites.ListByAccountAsync(accountId, page, ct), ct);

    public async Task<RowPage<Status>> ListBookmarksAsync(long accountId, Page page, CancellationToken ct = default) =>
        await WithStatusesAsync(await bookmarks.ListByAccountAsync(accountId, page, ct), ct);

    public async Task<RowPage<Account>> ListFavouritedByAsync(long statusId, long? viewerId, Page page, CancellationToken ct = default)
    {
        var status = await visible.FindAsync(statusId, viewerId, ct);
        return await WithAccountsAsync(await favourites.ListByStatusAsync(status.Id, page, ct), ct);
    }

    public async Task<RowPage<Account>> ListRebloggedByAsync(long statusId, long? viewerId, Page page, CancellationToken ct = default)
    {
        var status = await visible.FindAsync(statusId, viewerId, ct);
        return await WithAccountsAsync(await reblogs.ListRebloggersAsync(status.Id, page, ct), ct);
    }

    private async Task<RowPage<Status>> WithStatusesAsync(IReadOnlyList<(long RowId, long StatusId)> rows, CancellationToken ct)
    {
        var byId = (await statuses.ListAsync(rows.Select(r => r.StatusId).ToList(), ct)).ToDictionary(s => s.Id);
        var listed = rows.Where(r => byId.ContainsKey(r.StatusId)).ToList();
        return new RowPage<Status>(listed.Select(r => byId[r.StatusId]).ToList(), listed.Select(r => r.RowId).ToList());
    }

    private async Task<RowPage<Account>> WithAccountsAsync(IReadOnlyList<(long RowId, long AccountId)> rows, CancellationToken ct)
    {
        var byId = (await accounts.ListAsync(rows.Select(r => r.AccountId).ToList(), ct))
            .Where(a => a.SuspendedAt is null).ToDictionary(a => a.Id);
        var listed = rows.Where(r => byId.ContainsKey(r.AccountId)).ToList();
        return new RowPage<Account>(listed.Select(r => byId[r.AccountId]).ToList(), listed.Select(r => r.RowId).ToList());
    }
}
