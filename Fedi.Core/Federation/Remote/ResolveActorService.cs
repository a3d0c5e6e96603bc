using Fedi.Core.Federation.Fetching;

namespace Fedi.Core.Federation.Remote;

/// <summary>Fetches a remote actor by URI and stores (or refreshes) its account (Mastodon's ResolveAccountService, by URI).</summary>
public sealed class ResolveActorService(SignedFetcher fetcher, RemoteAccountStore store)
{
    /// <summary>The stored account's key, or null when the document could not be fetched or is not an actor.</summary>
    public async Task<ActorKey?> ResolveAsync(string actorUri, CancellationToken ct = default)
    {
        if (!Uri.TryCreate(actorUri, UriKind.Absolute, out var url)) return null;
        (System.Text.Json.JsonElement Document, Uri Url)? fetched;
        try
        {
            fetched = await fetcher.FetchAsync(url, ct);
        }
        catch (Exception e) when (e is RemoteRequestException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return null;
        }
        if (fetched is not { } found || ActorParser.Parse(found.Document, found.Url) is not { } actor) return null;
        var id = await store.UpsertAsync(actor, ct);
        return new ActorKey(id, actor.Uri, actor.PublicKeyPem, actor.Domain);
    }
}
