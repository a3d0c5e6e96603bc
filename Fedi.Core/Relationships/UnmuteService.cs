using Fedi.Core.Accounts;
using Fedi.Core.Errors;
using Fedi.Core.Streams;

namespace Fedi.Core.Relationships;

/// <summary>Lifts a mute (Mastodon's UnmuteService); not muting is no error.</summary>
public sealed class UnmuteService(MuteStore mutes, AccountStore accounts, StreamPublisher streams)
{
    public async Task UnmuteAsync(long accountId, long targetAccountId, CancellationToken ct = default)
    {
        if (await accounts.FindAsync(targetAccountId, ct) is null) throw ApiException.NotFound();
        if (await mutes.DeleteAsync(accountId, targetAccountId, ct)) await streams.PublishRelationsChangedAsync(accountId);
    }
}
