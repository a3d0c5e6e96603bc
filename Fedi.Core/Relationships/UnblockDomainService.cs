namespace Fedi.Core.Relationships;

/// <summary>DELETE /api/v1/domain_blocks: a domain not blocked is no error, as Mastodon.</summary>
public sealed class UnblockDomainService(AccountDomainBlockStore store, RelationsChangedPublisher changes)
{
    public async Task UnblockAsync(long accountId, string? domain, CancellationToken ct = default)
    {
        var normalized = BlockedDomain.Normalize(domain);
        if (await store.DeleteAsync(accountId, normalized, ct)) await changes.PublishAsync(accountId);
    }
}
