using Fedi.Core.Accounts;
using Fedi.Core.ClientApi;
using Fedi.Core.Errors;
using Fedi.Core.Timelines;

namespace Fedi.Core.Follows;

/// <summary>A page of an account's followers or followed accounts, with the follow ids that are its cursors.</summary>
public sealed record FollowsPage(IReadOnlyList<ApiAccount> Accounts, IReadOnlyList<long> FollowIds);

/// <summary>
/// GET /api/v1/accounts/:id/followers and /following: paginated by follows.id (so the cursor comes only from
/// the Link header, as Mastodon's); a suspended account's lists are empty.
/// </summary>
public sealed class ListFollowsService(AccountStore accounts, FollowStore follows, AccountRenderer renderer)
{
    public async Task<FollowsPage> ListAsync(long accountId, bool followers, Page page, CancellationToken ct = default)
    {
        var account = await accounts.FindAsync(accountId, ct) ?? throw ApiException.NotFound();
        if (account.SuspendedAt is not null) return new FollowsPage([], []);

        var rows = await follows.ListPageAsync(accountId, followers, page, ct);
        var byId = (await accounts.ListAsync(rows.Select(r => r.AccountId).ToList(), ct)).ToDictionary(a => a.Id);
        var listed = rows.Where(r => byId.ContainsKey(r.AccountId)).ToList();
        return new FollowsPage(listed.Select(r => renderer.Render(byId[r.AccountId])).ToList(), listed.Select(r => r.FollowId).ToList());
    }
}
