using Fedi.Core.Accounts;
using Fedi.Core.Data;
using Fedi.Core.Errors;

namespace Fedi.Core.Relationships;

/// <summary>
/// Endorsements (Mastodon's AccountPin): a user features accounts they follow on their profile
/// (<c>POST /api/v1/accounts/:id/pin</c>), listed by <c>GET /api/v1/endorsements</c>.
/// </summary>
public sealed class EndorseAccountService(AccountStore accounts, EndorsementStore endorsements)
{
    public async Task EndorseAsync(long accountId, long targetId, CancellationToken ct = default)
    {
        if (await accounts.FindAsync(targetId, ct) is not { SuspendedAt: null }) throw ApiException.NotFound();
        if (!await endorsements.EndorseAsync(accountId, targetId, ct))
            throw ApiException.Unprocessable("Validation failed: You must be already following the person you want to endorse");
    }

    public async Task UnendorseAsync(long accountId, long targetId, CancellationToken ct = default)
    {
        if (await accounts.FindAsync(targetId, ct) is null) throw ApiException.NotFound();
        await endorsements.UnendorseAsync(accountId, targetId, ct);
    }

    public async Task<RowPage<Account>> ListAsync(long accountId, Page page, CancellationToken ct = default)
    {
        var rows = await endorsements.ListPageAsync(accountId, page, ct);
        var byId = (await accounts.ListAsync(rows.Select(r => r.AccountId).ToList(), ct)).ToDictionary(a => a.Id);
        var listed = rows.Where(r => byId.ContainsKey(r.AccountId)).ToList();
        return new RowPage<Account>(listed.Select(r => byId[r.AccountId]).ToList(), listed.Select(r => r.PinId).ToList());
    }
}
