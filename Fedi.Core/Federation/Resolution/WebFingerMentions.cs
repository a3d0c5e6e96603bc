using Fedi.Core.Accounts;
using Fedi.Core.Statuses;

namespace Fedi.Core.Federation.Resolution;

/// <summary>Remote mentions in a new post, resolved as lookups are: stored and fresh, or by WebFinger within its time bound.</summary>
public sealed class WebFingerMentions(ResolveAccountService accounts) : IRemoteMentionResolver
{
    public Task<Account?> ResolveAsync(string username, string domain, CancellationToken ct = default) =>
        accounts.ResolveAsync($"{username}@{domain}", ct);
}
