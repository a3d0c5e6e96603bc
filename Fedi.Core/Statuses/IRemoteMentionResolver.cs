using Fedi.Core.Accounts;
using Fedi.Core.Configuration;

namespace Fedi.Core.Statuses;

/// <summary>
/// Finds the account a <c>@user@host</c> mention in a new post names (Mastodon's ProcessMentionsService, which asks
/// ResolveAccountService). Federation registers one that asks the host by WebFinger, bounded in time; without it only
/// remote accounts already stored are mentioned.
/// </summary>
public interface IRemoteMentionResolver
{
    Task<Account?> ResolveAsync(string username, string domain, CancellationToken ct = default);
}

/// <summary>The default: remote accounts already stored here, nothing fetched.</summary>
public sealed class StoredRemoteMentions(AccountStore accounts, InstanceOptions instance) : IRemoteMentionResolver
{
    public Task<Account?> ResolveAsync(string username, string domain, CancellationToken ct = default) =>
        accounts.FindByAcctAsync($"{username}@{domain}", instance.LocalDomain, ct);
}
