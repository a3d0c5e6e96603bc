using Fedi.Core.Accounts;
using Fedi.Core.Data;

namespace Fedi.Core.Relationships;

/// <summary>A muted account with its mute (for <c>mute_expires_at</c>).</summary>
public sealed record MutedAccount(Account Account, Mute Mute);

/// <summary>GET /api/v1/blocks, /api/v1/mutes and /api/v1/domain_blocks: the viewer's own lists, paginated by row id.</summary>
public sealed class ListRelationsService(BlockStore blocks, MuteStore mutes, AccountDomainBlockStore domains, AccountStore accounts)
{
    public async Task<RowPage<Account>> ListBlocksAsync(long accountId, Page page, CancellationToken ct = default)
    {
        var rows = await blocks.ListPageAsync(accountId, page, ct);
        return await WithAccountsAsync(rows, r => r.AccountId, r => r.BlockId, (_, account) => account, ct);
    }

    public async Task<RowPage<MutedAccount>> ListMutesAsync(long accountId, Page page, CancellationToken ct = default)
    {
        var rows = await mutes.ListPageAsync(accountId, page, ct);
        return await WithAccountsAsync(rows, m => m.TargetAccountId, m => m.Id, (m, account) => new MutedAccount(account, m), ct);
    }

    public async Task<RowPage<string>> ListDomainBlocksAsync(long accountId, Page page, CancellationToken ct = default)
    {
        var rows = await domains.ListPageAsync(accountId, page, ct);
        return new RowPage<string>(rows.Select(r => r.Domain).ToList(), rows.Select(r => r.Id).ToList());
    }

    /// <summary>The rows whose account still exists, each with its account, loaded in one query.</summary>
    private async Task<RowPage<T>> WithAccountsAsync<TRow, T>(IReadOnlyList<TRow> rows, Func<TRow, long> accountOf, Func<TRow, long> rowId,
        Func<TRow, Account, T> pair, CancellationToken ct)
    {
        var byId = (await accounts.ListAsync(rows.Select(accountOf).ToList(), ct)).ToDictionary(a => a.Id);
        var listed = rows.Where(r => byId.ContainsKey(accountOf(r))).ToList();
        return new RowPage<T>(listed.Select(r => pair(r, byId[accountOf(r)])).ToList(), listed.Select(rowId).ToList());
    }
}
