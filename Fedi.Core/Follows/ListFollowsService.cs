using Fedi.Core.Accounts;
using Fedi.Core.Data;
using Fedi.Core.Errors;

namespace Fedi.Core.Follows;

/// <summary>
/// GET /api/v1/accounts/:id/followers and /following: paginated by follows.id (so the cursor comes only from
/// the Link header, as Mastodon's); a suspended account's lists are empty.
/// </summary>
public sealed class ListFollowsService(AccountStore accounts, FollowStore follows)
{
    public async Task<RowPage<Account>> ListAsync(long accountId, bool followers, Page page, CancellationToken ct = default)
    {
        var account = await accounts.FindAsync(accountId, ct) ?? throw ApiException.NotFound();
        if (account.SuspendedAt is not null) return RowPage<Account>.Empty;

        var rows = await follows.ListPageAsync(accountId, followers, page, ct);
        var byId = (await accounts.ListAsync(rows.Select(r => r.AccountId).ToList(), ct)).ToDictionary(a => a.Id);
        var listed = rows.Where(r => byId.ContainsKey(r.AccountId)).ToList();
        return new RowPage<Account>(listed.Select(r => byId[r.AccountId]).ToList(), listed.Select(r => r.FollowId).ToList());
    }
}
