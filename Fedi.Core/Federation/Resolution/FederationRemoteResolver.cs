using Fedi.Core.Search;

namespace Fedi.Core.Federation.Resolution;

/// <summary>Search's <c>resolve=true</c> through federation: a URL by fetching it, a handle by WebFinger.</summary>
public sealed class FederationRemoteResolver(ResolveUrlService urls, ResolveAccountService accounts) : IRemoteResolver
{
    public async Task<RemoteResolution?> ResolveAsync(string query, long viewerId, CancellationToken ct = default)
    {
        var text = query.Trim();
        if (text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            return await urls.ResolveAsync(text, ct);
        return await accounts.ResolveAsync(text, ct) is { } account ? new RemoteResolution(account, null) : null;
    }
}
