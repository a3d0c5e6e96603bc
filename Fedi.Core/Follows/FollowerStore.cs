using System.Runtime.CompilerServices;
using Dapper;
using Fedi.Core.Configuration;
using Npgsql;

namespace Fedi.Core.Follows;

/// <summary>SQL over <c>follows</c> joined with <c>users</c>: who receives an account's statuses in their home feed.</summary>
public sealed class FollowerStore(NpgsqlDataSource db, InstanceOptions instance, TimeProvider time)
{
    /// <summary>
    /// The local followers of <paramref name="accountId"/> whose user signed in within USER_ACTIVE_DAYS
    /// (Mastodon's followers_for_local_distribution), in batches by follower id. A connection is held only while
    /// a batch is read, never while the caller works on it.
    /// </summary>
    /// <param name="onlyAccountIds">restricts to these accounts (a direct status reaches mentioned followers only).</param>
    /// <param name="replyToAccountId">for a reply to someone else: only followers who follow that account or are it
    /// (Mastodon's home filter drops replies to strangers).</param>
    /// <param name="after">only follower ids above this one (a keyset range's start, exclusive).</param>
    /// <param name="upTo">only follower ids up to this one (a keyset range's end, inclusive).</param>
    /// <param name="reblogOfAuthorId">for a reblog, the original's author: only followers who show the booster's reblogs
    /// (follows.show_reblogs) and neither block nor mute that author.</param>
    public async IAsyncEnumerable<IReadOnlyList<long>> ListActiveLocalFollowerBatchesAsync(
        long accountId, IReadOnlyCollection<long>? onlyAccountIds, long? replyToAccountId,
        int batchSize, [EnumeratorCancellation] CancellationToken ct = default, long after = 0, long upTo = long.MaxValue,
        long? reblogOfAuthorId = null)
    {
        var onlyIds = onlyAccountIds?.ToArray();
        var activeSince = time.GetUtcNow().UtcDateTime.AddDays(-instance.UserActiveDays);
        while (true)
        {
            List<long> batch;
            await using (var conn = await db.OpenConnectionAsync(ct))
            {
                batch = (await conn.QueryAsync<long>(new CommandDefinition("""
                    SELECT f.account_id
                    FROM follows f JOIN users u ON u.account_id = f.account_id
                    WHERE f.target_account_id = @accountId
                      AND f.account_id > @after AND f.account_id <= @upTo
                      AND u.current_sign_in_at >= @activeSince
                      AND (@onlyIds::bigint[] IS NULL OR f.account_id = ANY(@onlyIds))
                      AND (@replyToAccountId::bigint IS NULL OR f.account_id = @replyToAccountId
                           OR EXISTS (SELECT 1 FROM follows r
                                      WHERE r.account_id = f.account_id AND r.target_account_id = @replyToAccountId))
                      AND NOT EXISTS (SELECT 1 FROM blocks b
                                      WHERE b.account_id = f.account_id AND b.target_account_id = @accountId)
                      AND NOT EXISTS (SELECT 1 FROM mutes m
                                      WHERE m.account_id = f.account_id AND m.target_account_id = @accountId
                                        AND (m.expires_at IS NULL OR m.expires_at > now()))
                      AND (@reblogOfAuthorId::bigint IS NULL OR (f.show_reblogs
                           AND NOT EXISTS (SELECT 1 FROM blocks rb WHERE rb.account_id = f.account_id AND rb.target_account_id = @reblogOfAuthorId)
                           AND NOT EXISTS (SELECT 1 FROM mutes rm WHERE rm.account_id = f.account_id AND rm.target_account_id = @reblogOfAuthorId
                                             AND (rm.expires_at IS NULL OR rm.expires_at > now()))))
                    ORDER BY f.account_id
                    LIMIT @batchSize
                    """, new { accountId, after, upTo, activeSince, onlyIds, replyToAccountId, reblogOfAuthorId, batchSize }, cancellationToken: ct))).AsList();
            }
            if (batch.Count == 0) yield break;
            yield return batch;
            if (batch.Count < batchSize) yield break;
            after = batch[^1];
        }
    }
}
