using System.Text.Json;
using Fedi.Core.Accounts;
using Fedi.Core.Configuration;
using Fedi.Core.Federation.Fetching;
using Fedi.Core.Federation.Inbox;
using Fedi.Core.Federation.Remote;
using Fedi.Core.Search;
using Fedi.Core.Statuses;

namespace Fedi.Core.Federation.Resolution;

/// <summary>
/// Mastodon's ResolveURLService: an actor or Note URL to an account or a status. What is stored under the URL is
/// answered at once; otherwise the document is fetched, and an actor stored as a remote account or a Note (on the
/// host that served it, by an actor of that host) stored as a remote status through the same path as a Create.
/// </summary>
public sealed class ResolveUrlService(
    ResolutionStore store, AccountStore accounts, StatusStore statuses, SignedFetcher fetcher, RemoteAccountStore remoteAccounts,
    ResolveActorService actors, RemoteNoteParser notes, StoreRemoteStatusService storeStatus, InstanceOptions instance)
{
    public async Task<RemoteResolution?> ResolveAsync(string url, CancellationToken ct = default)
    {
        if (await StoredAsync(url, ct) is { } stored) return stored;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || uri.Authority.Equals(instance.LocalDomain, StringComparison.OrdinalIgnoreCase)) return null;

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(ResolveAccountService.Timeout);
        try
        {
            if (await fetcher.FetchAsync(uri, bounded.Token) is not { } fetched) return null;
            if (ActorParser.Parse(fetched.Document, fetched.Url) is { } actor)
                return new RemoteResolution(await accounts.FindAsync(await remoteAccounts.UpsertAsync(actor, ct), ct), null);
            return await NoteAsync(fetched.Document, fetched.Url, bounded.Token);
        }
        catch (Exception e) when (e is RemoteRequestException or HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task<RemoteResolution?> StoredAsync(string url, CancellationToken ct)
    {
        if (await store.FindStatusIdAsync(url, ct) is { } statusId && await statuses.FindAsync(statusId, ct) is { } status)
            return new RemoteResolution(null, status);
        if (await store.FindAccountIdAsync(url, ct) is { } accountId && await accounts.FindVisibleAsync(accountId, ct) is { } account)
            return new RemoteResolution(account, null);
        return null;
    }

    private async Task<RemoteResolution?> NoteAsync(JsonElement note, Uri fetchedFrom, CancellationToken ct)
    {
        // A host may only vouch for its own objects: the id and the author must both live where the Note came from.
        if (InboxActivity.Str(note, "id") is not { } id || !Uri.TryCreate(id, UriKind.Absolute, out var idUri)
            || !idUri.Authority.Equals(fetchedFrom.Authority, StringComparison.OrdinalIgnoreCase)) return null;
        if (InboxActivity.Str(note, "attributedTo") is not { } author || !Uri.TryCreate(author, UriKind.Absolute, out var authorUri)
            || !authorUri.Authority.Equals(idUri.Authority, StringComparison.OrdinalIgnoreCase)
            || await actors.ResolveAsync(author, ct) is not { } key) return null;
        if (notes.Parse(note, key.AccountId, key.Uri) is not { } parsed) return null;
        var statusId = await storeStatus.StoreAsync(parsed, ct) ?? await store.FindStatusIdAsync(parsed.Uri, ct);
        return statusId is { } found && await statuses.FindAsync(found, ct) is { } status ? new RemoteResolution(null, status) : null;
    }
}
