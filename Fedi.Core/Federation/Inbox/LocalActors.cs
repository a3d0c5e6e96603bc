using Fedi.Core.Accounts;
using Fedi.Core.Configuration;
using Fedi.Core.Federation.ActivityStreams;

namespace Fedi.Core.Federation.Inbox;

/// <summary>The local account an activity's object names by its actor URI (a Follow's or a Block's target).</summary>
public sealed class LocalActors(LocalUris uris, AccountStore accounts, InstanceOptions instance)
{
    /// <summary>Null when <paramref name="actorUri"/> is no local actor's.</summary>
    public async Task<Account?> FindAsync(string? actorUri, CancellationToken ct = default)
    {
        if (actorUri is null || uris.UsernameOf(actorUri) is not { } username) return null;
        return await accounts.FindByAcctAsync(username, instance.LocalDomain, ct) is { IsLocal: true } local ? local : null;
    }
}
