using Fedi.Core.Relationships;

namespace Fedi.Core.Federation.Inbox;

/// <summary>
/// A remote actor deleted itself (Mastodon's DeleteAccountService for a remote account): its statuses are taken out of
/// its local followers' home feeds (one feed read and one query each), then every row of it goes in one transaction.
/// </summary>
public sealed class DeleteRemoteAccountService(RemoteAccountDeletionStore store, ClearFromHomeService home)
{
    public async Task DeleteAsync(long accountId, CancellationToken ct = default)
    {
        foreach (var follower in await store.ListLocalFollowerIdsAsync(accountId, ct))
            await home.ClearAsync(follower, accountId, ct);
        await store.DeleteAsync(accountId, ct);
    }
}
