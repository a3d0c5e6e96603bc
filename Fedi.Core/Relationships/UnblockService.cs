using Fedi.Core.Accounts;
using Fedi.Core.Errors;
using Fedi.Core.Streams;

namespace Fedi.Core.Relationships;

/// <summary>Lifts a block (Mastodon's UnblockService); not blocking is no error. Follows removed by the block stay removed.</summary>
public sealed class UnblockService(BlockStore blocks, AccountStore accounts, StreamPublisher streams)
{
    public async Task UnblockAsync(long accountId, long targetAccountId, CancellationToken ct = default)
    {
        if (await accounts.FindAsync(targetAccountId, ct) is null) throw ApiException.NotFound();
        if (await blocks.DeleteAsync(accountId, targetAccountId, ct)) await streams.PublishRelationsChangedAsync(accountId, targetAccountId);
    }
}
