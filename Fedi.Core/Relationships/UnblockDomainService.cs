using Fedi.Core.Streams;

namespace Fedi.Core.Relationships;

/// <summary>DELETE /api/v1/domain_blocks: a domain not blocked is no error, as Mastodon.</summary>
public sealed class UnblockDomainService(AccountDomainBlockStore store, StreamPublisher streams)
{
    public async Task UnblockAsync(long accountId, string? domain, CancellationToken ct = default)
    {
        var normalized = BlockedDomain.Normalize(domain);
        if (await store.DeleteAsync(accountId, normalized, ct)) await streams.PublishRelationsChangedAsync(accountId);
    }
}
