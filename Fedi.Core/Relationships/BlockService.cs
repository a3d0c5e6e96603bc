using Fedi.Core.Accounts;
using Fedi.Core.Contracts;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Errors;
using Fedi.Core.Jobs;
using Fedi.Core.Streams;
using Npgsql;

namespace Fedi.Core.Relationships;

/// <summary>
/// Blocks an account (Mastodon's BlockService): in one transaction the block row, and the follows both ways
/// removed with their counters. Then an UnmergeWorker job per removed follow, the blocker's home cleared of
/// the target's statuses and reblogs of them at once (Mastodon's AfterBlockService), and both accounts'
/// streaming connections reload their filters. A remote target is sent a Block. Blocking yourself does nothing, as Mastodon.
/// </summary>
public sealed class BlockService(
    NpgsqlDataSource db, AccountStore accounts, BlockStore blocks, AccountStatsStore stats, JobOutbox outbox, ClearFromHomeService home,
    StreamPublisher streams)
{
    public async Task BlockAsync(long accountId, long targetAccountId, CancellationToken ct = default)
    {
        var target = await accounts.FindAsync(targetAccountId, ct) ?? throw ApiException.NotFound();
        if (accountId == targetAccountId) return;

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await blocks.InsertAsync(conn, tx, accountId, targetAccountId, ct);
        var removed = await blocks.DeleteFollowsBetweenAsync(conn, tx, accountId, targetAccountId, ct);
        var staged = new List<JobOutbox.Staged>();
        foreach (var (follower, followed) in removed)
        {
            await stats.AddFollowAsync(conn, tx, follower, followed, -1, ct);
            staged.Add(await outbox.StageAsync(conn, tx, new UnmergeJob(followed, follower), ct));
        }
        if (target.Domain is not null)
            staged.Add(await outbox.StageAsync(conn, tx, new RelationshipActivityJob(RelationshipActivityJob.Block, accountId, targetAccountId), ct));
        await tx.CommitAsync(ct);

        await outbox.ReleaseAsync(staged);
        await home.ClearAsync(accountId, targetAccountId, ct);
        await streams.PublishRelationsChangedAsync(accountId, targetAccountId);
    }
}
