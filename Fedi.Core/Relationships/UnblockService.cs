using Fedi.Core.Accounts;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Errors;
using Fedi.Core.Jobs;
using Fedi.Core.Streams;

namespace Fedi.Core.Relationships;

/// <summary>Lifts a block (Mastodon's UnblockService), with an Undo{Block} to a remote target; not blocking is no error.
/// Follows removed by the block stay removed.</summary>
public sealed class UnblockService(BlockStore blocks, AccountStore accounts, StreamPublisher streams, JobClient jobs)
{
    public async Task UnblockAsync(long accountId, long targetAccountId, CancellationToken ct = default)
    {
        var target = await accounts.FindAsync(targetAccountId, ct) ?? throw ApiException.NotFound();
        if (!await blocks.DeleteAsync(accountId, targetAccountId, ct)) return;
        await streams.PublishRelationsChangedAsync(accountId, targetAccountId);
        if (target.Domain is not null) await jobs.EnqueueAsync(new RelationshipActivityJob(RelationshipActivityJob.UndoBlock, accountId, targetAccountId));
    }
}
