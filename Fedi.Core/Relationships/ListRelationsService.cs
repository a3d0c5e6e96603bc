using Fedi.Core.Accounts;
using Fedi.Core.ClientApi;
using Fedi.Core.Timelines;

namespace Fedi.Core.Relationships;

/// <summary>A page of accounts with the row ids that are its Link-header cursors (as Mastodon's, never account ids).</summary>
public sealed record RelationsPage<T>(IReadOnlyList<T> Items, IReadOnlyList<long> RowIds);

/// <summary>GET /api/v1/blocks, /api/v1/mutes and /api/v1/domain_blocks: the viewer's own lists, paginated by row id.</summary>
public sealed class ListRelationsService(BlockStore blocks, MuteStore mutes, AccountDomainBlockStore domains, AccountStore accounts, AccountRenderer renderer)
{
    public async Task<RelationsPage<ApiAccount>> ListBlocksAsync(long accountId, Page page, CancellationToken ct = default)
    {
        var rows = await blocks.ListPageAsync(accountId, page, ct);
        return await RenderAsync(rows, r => r.AccountId, r => r.BlockId, (_, account) => account, ct);
    }

    public async Task<RelationsPage<ApiMutedAccount>> ListMutesAsync(long accountId, Page page, CancellationToken ct = default)
    {
        var rows = await mutes.ListPageAsync(accountId, page, ct);
        return await RenderAsync(rows, m => m.TargetAccountId, m => m.Id,
            (m, account) => new ApiMutedAccount(account) { MuteExpiresAt = ApiFormat.Time(m.ExpiresAt) }, ct);
    }

    public async Task<RelationsPage<string>> ListDomainBlocksAsync(long accountId, Page page, CancellationToken ct = default)
    {
        var rows = await domains.ListPageAsync(accountId, page, ct);
        return new RelationsPage<string>(rows.Select(r => r.Domain).ToList(), rows.Select(r => r.Id).ToList());
    }

    private async Task<RelationsPage<T>> RenderAsync<TRow, T>(IReadOnlyList<TRow> rows, Func<TRow, long> accountOf, Func<TRow, long> rowId,
        Func<TRow, ApiAccount, T> render, CancellationToken ct)
    {
        var byId = (await accounts.ListAsync(rows.Select(accountOf).ToList(), ct)).ToDictionary(a => a.Id);
        var listed = rows.Where(r => byId.ContainsKey(accountOf(r))).ToList();
        return new RelationsPage<T>(listed.Select(r => render(r, renderer.Render(byId[accountOf(r)]))).ToList(), listed.Select(rowId).ToList());
    }
}
