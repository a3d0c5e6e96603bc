using Fedi.Core.Accounts;
using Fedi.Core.Configuration;

namespace Fedi.Core.Statuses;

/// <summary>
/// The accounts a local status's text names (Mastodon's ProcessMentionsService lookup): local ones, and remote ones
/// through <see cref="IRemoteMentionResolver"/>; suspended accounts and repeats left out. Posting and editing both use it.
/// </summary>
public sealed class MentionResolver(AccountStore accounts, IRemoteMentionResolver remoteMentions, InstanceOptions instance)
{
    public async Task<IReadOnlyList<Account>> ResolveAsync(string text, CancellationToken ct = default)
    {
        // Side by side, so a post naming several slow hosts waits for the slowest, not for their sum.
        var lookups = StatusText.Mentions(text).Select(m =>
            m.Domain is { } domain && !domain.Equals(instance.LocalDomain, StringComparison.OrdinalIgnoreCase)
                ? remoteMentions.ResolveAsync(m.Username, domain, ct)
                : accounts.FindByAcctAsync(m.Username, instance.LocalDomain, ct));
        var found = new List<Account>();
        foreach (var account in await Task.WhenAll(lookups))
            if (account is { SuspendedAt: null } && found.All(a => a.Id != account.Id))
                found.Add(account);
        return found;
    }
}
