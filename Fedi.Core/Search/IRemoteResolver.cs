using Fedi.Core.Accounts;
using Fedi.Core.Statuses;

namespace Fedi.Core.Search;

/// <summary>
/// What <c>resolve=true</c> asks federation for: an <c>@user@host</c> handle (by WebFinger) or a URL (by fetching
/// the object), stored locally and returned. Federation registers its implementation in place of
/// <see cref="NoRemoteResolver"/>; search then puts the resolved account or status first.
/// </summary>
public interface IRemoteResolver
{
    Task<RemoteResolution?> ResolveAsync(string query, long viewerId, CancellationToken ct = default);
}

/// <summary>An account or a status that a remote lookup produced (either may be null).</summary>
public sealed record RemoteResolution(Account? Account, Status? Status);

/// <summary>The default until federation exists: nothing is remote, search stays local.</summary>
public sealed class NoRemoteResolver : IRemoteResolver
{
    public Task<RemoteResolution?> ResolveAsync(string query, long viewerId, CancellationToken ct = default) =>
        Task.FromResult<RemoteResolution?>(null);
}
