using System.Text.Json.Nodes;
using Fedi.Core.Accounts;
using Fedi.Core.Configuration;
using Fedi.Core.Federation.ActivityStreams;
using Fedi.Core.Federation.Keys;

namespace Fedi.Core.Federation.Documents;

/// <summary>Finds local actors others may see and renders their documents, keys generated on first use.</summary>
public sealed class LocalActorService(AccountStore accounts, AccountKeyStore keys, ActorDocument documents, InstanceOptions instance)
{
    /// <summary>A visible local account by username; null for unknown, remote, suspended or unconfirmed ones.</summary>
    public async Task<Account?> FindAsync(string username, CancellationToken ct = default) =>
        username.Contains('@') ? null : await accounts.FindVisibleByAcctAsync(username, instance.LocalDomain, ct) is { IsLocal: true } account ? account : null;

    public async Task<JsonObject?> RenderAsync(string username, CancellationToken ct = default) =>
        await FindAsync(username, ct) is { } account ? await RenderAsync(account, ct) : null;

    public async Task<JsonObject> RenderInstanceActorAsync(CancellationToken ct = default) =>
        await RenderAsync(await accounts.FindAsync(LocalUris.InstanceActorId, ct)
            ?? throw new InvalidOperationException("The instance actor row (migration 0080) is missing"), ct);

    private async Task<JsonObject> RenderAsync(Account account, CancellationToken ct)
    {
        var pair = await keys.FindOrCreateLocalAsync(account.Id, ct) ?? throw new InvalidOperationException($"Account {account.Id} has no key row");
        return documents.Render(account, pair.PublicKeyPem);
    }
}
