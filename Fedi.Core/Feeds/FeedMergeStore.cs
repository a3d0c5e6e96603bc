using Dapper;
using Npgsql;

namespace Fedi.Core.Feeds;

/// <summary>SQL behind merging an account's statuses into, and out of, a follower's home feed.</summary>
public sealed class FeedMergeStore(NpgsqlDataSource db)
{
    /// <summary>
    /// The newest <paramref name="limit"/> statuses of <paramref name="targetId"/> that belong in
    /// <paramref name="followerId"/>'s home, newer than <paramref name="after"/> when given: public, unlisted and
    /// private (the follower follows), direct only when it mentions the follower, and no replies to accounts the
    /// follower does not follow (the rebuild's rule), and reblogs only when the follow shows them. Nothing once the follow is gone (an unfollow overtook it).
    /// </summary>
    /// <returns>each status's id and, for a reblog, the original's id.</returns>
    public async Task<IReadOnlyList<(long Id, long? ReblogOfId)>> ListMergeableIdsAsync(long targetId, long followerId, long? after, int limit, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var ids = await conn.QueryAsync<(long, long?)>(new CommandDefinition("""
            SELECT s.id, s.reblog_of_id FROM statuses s
            WHERE s.account_id = @targetId AND s.deleted_at IS NULL
              AND (@after::bigint IS NULL OR s.id > @after)
              AND EXISTS (SELECT 1 FROM follows f WHERE f.account_id = @followerId AND f.target_account_id = @targetId
                          AND (s.reblog_of_id IS NULL OR f.show_reblogs))
              AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.account_id = @followerId AND b.target_account_id = @targetId)
              AND NOT EXISTS (SELECT 1 FROM mutes mu WHERE mu.account_id = @followerId AND mu.target_account_id = @targetId
                                AND (mu.expires_at IS NULL OR mu.expires_at > now()))
              AND (s.visibility IN (0, 1, 2)
                   OR EXISTS (SELECT 1 FROM mentions m WHERE m.status_id = s.id AND m.account_id = @followerId))
              AND (NOT s.reply OR s.in_reply_to_account_id IS NULL
                   OR s.in_reply_to_account_id IN (s.account_id, @followerId)
                   OR EXISTS (SELECT 1 FROM follows r WHERE r.account_id = @followerId AND r.target_account_id = s.in_reply_to_account_id))
            ORDER BY s.id DESC
            LIMIT @limit
            """, new { targetId, followerId, after, limit }, cancellationToken: ct));
        return ids.AsList();
    }

    /// <summary>Which of <paramref name="statusIds"/> are <paramref name="targetId"/>'s — none while
    /// <paramref name="followerId"/> follows it again (a new follow overtook the unfollow).</summary>
    public async Task<IReadOnlyList<long>> ListUnmergeableIdsAsync(long targetId, long followerId, IReadOnlyCollection<long> statusIds, CancellationToken ct = default)
    {
        if (statusIds.Count == 0) return [];
        await using var conn = await db.OpenConnectionAsync(ct);
        var ids = await conn.QueryAsync<long>(new CommandDefinition("""
            SELECT s.id FROM statuses s
            WHERE s.account_id = @targetId AND s.id = ANY(@statusIds)
              AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.account_id = @followerId AND f.target_account_id = @targetId)
            """, new { targetId, followerId, statusIds = statusIds.ToArray() }, cancellationToken: ct));
        return ids.AsList();
    }
}
