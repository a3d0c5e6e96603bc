using Fedi.Core.Streams;

namespace Fedi.Core.Relationships;

/// <summary>
/// POST /api/v1/domain_blocks (Mastodon's Account#block_domain!): hides everything from a domain for this
/// user. Not built yet: removing followers from that domain (AfterAccountDomainBlockWorker), as there are no
/// remote followers before federation.
/// </summary>
public sealed class BlockDomainService(AccountDomainBlockStore store, StreamPublisher streams)
{
    public async Task BlockAsync(long accountId, string? domain, CancellationToken ct = default)
    {
        var normalized = BlockedDomain.Normalize(domain);
        if (await store.InsertAsync(accountId, normalized, ct)) await streams.PublishRelationsChangedAsync(accountId);
    }
}
