using Fedi.Core.Accounts;
using Fedi.Core.Configuration;
using Fedi.Core.Federation.Fetching;
using Fedi.Core.Federation.Remote;

namespace Fedi.Core.Federation.Resolution;

/// <summary>
/// Mastodon's ResolveAccountService: <c>user@host</c> to an account. A local handle is looked up; a known remote
/// account is returned as stored unless its profile is older than <see cref="StaleAfter"/>; otherwise WebFinger names
/// the actor, whose document is fetched and stored. The whole lookup is bounded by <see cref="Timeout"/>.
/// </summary>
public sealed class ResolveAccountService(
    AccountStore accounts, WebFingerClient webFinger, ResolveActorService actors, ResolutionStore store, InstanceOptions instance,
    TimeProvider clock)
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(1);
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>The account, or null when the handle is malformed, unknown here and unknown to its host.</summary>
    public async Task<Account?> ResolveAsync(string acct, CancellationToken ct = default)
    {
        var parts = acct.Trim().TrimStart('@').Split('@');
        if (parts is not [{ Length: > 0 } username, ..] || parts.Length > 2) return null;
        var domain = parts.Length == 2 ? parts[1].ToLowerInvariant() : null;
        if (domain is null || domain == instance.LocalDomain.ToLowerInvariant())
            return await accounts.FindVisibleByAcctAsync(username, instance.LocalDomain, ct);
        if (domain.Length == 0 || Uri.CheckHostName(domain.Split(':')[0]) == UriHostNameType.Unknown) return null;

        var known = await accounts.FindByAcctAsync($"{username}@{domain}", instance.LocalDomain, ct);
        if (known is not null && !await store.IsStaleAsync(known.Id, clock.GetUtcNow() - StaleAfter, ct))
            return known.SuspendedAt is null ? known : null;
        var refreshed = await FetchAsync(username, domain, ct);
        var account = refreshed ?? known;
        return account is { SuspendedAt: null } ? account : null;
    }

    private async Task<Account?> FetchAsync(string username, string domain, CancellationToken ct)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(Timeout);
        try
        {
            if (await webFinger.FindActorUriAsync(username, domain, bounded.Token) is not { } actorUri) return null;
            if (await actors.ResolveAsync(actorUri, bounded.Token) is not { } key) return null;
            await store.TouchWebFingeredAsync(key.AccountId, ct);
            return await accounts.FindAsync(key.AccountId, ct);
        }
        catch (Exception e) when (e is RemoteRequestException or HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return null;
        }
    }
}
