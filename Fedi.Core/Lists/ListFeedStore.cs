using Dapper;
using Fedi.Core.Configuration;
using Fedi.Core.Statuses;
using Npgsql;

namespace Fedi.Core.Lists;

/// <summary>SQL deciding what a list feed holds: which lists a new status reaches, and a feed's rebuild from scratch.</summary>
public sealed class ListFeedStore(NpgsqlDataSource db, InstanceOptions instance, TimeProvider time)
{
    // The list's replies policy for a reply to someone else (@replyTo, never the author): to the owner always;
    // 0 list: to a member; 1 followed: to someone the owner follows; 2 none: nothing else.
    private const string RepliesPolicyCondition = """
        (@replyTo::bigint IS NULL OR @replyTo = l.account_id
         OR (l.replies_policy = 0 AND EXISTS (SELECT 1 FROM list_accounts m WHERE m.list_id = l.id AND m.account_id = @replyTo))
         OR (l.replies_policy = 1 AND EXISTS (SELECT 1 FROM follows f WHERE f.account_id = l.account_id AND f.target_account_id = @replyTo)))
        """;

    /// <summary>
    /// (list id, owner id) of every list containing the author whose owner signed in within USER_ACTIVE_DAYS
    /// (Mastodon's lists_for_local_distribution) and whose replies policy lets <paramref name="status"/> in.
    /// </summary>
    public async Task<IReadOnlyList<(long ListId, long OwnerId)>> ListForDistributionAsync(Status status, CancellationToken ct = default)
    {
        var activeSince = time.GetUtcNow().UtcDateTime.AddDays(-instance.UserActiveDays);
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long, long)>(new CommandDefinition($"""
            SELECT l.id, l.account_id
            FROM list_accounts la JOIN lists l ON l.id = la.list_id JOIN users u ON u.account_id = l.account_id
            WHERE la.account_id = @authorId AND u.current_sign_in_at >= @activeSince
              AND {RepliesPolicyCondition}
            """, new { authorId = status.AccountId, activeSince, replyTo = ReplyTo(status) }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>Every list that contains the author, active owner or not: a deleted status leaves them all.</summary>
    public async Task<IReadOnlyList<(long ListId, long OwnerId)>> ListContainingAsync(long authorId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long, long)>(new CommandDefinition(
            "SELECT l.id, l.account_id FROM list_accounts la JOIN lists l ON l.id = la.list_id WHERE la.account_id = @authorId",
            new { authorId }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>The newest <paramref name="limit"/> status ids the list shows: members' public, unlisted and
    /// private statuses (the owner follows them), never direct ones, replies as the policy says.</summary>
    public async Task<IReadOnlyList<long>> ListFeedIdsAsync(long listId, int limit, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var ids = await conn.QueryAsync<long>(new CommandDefinition($"""
            SELECT s.id
            FROM lists l JOIN list_accounts la ON la.list_id = l.id JOIN statuses s ON s.account_id = la.account_id
            CROSS JOIN LATERAL (SELECT CASE WHEN s.reply AND s.in_reply_to_account_id <> s.account_id
                                            THEN s.in_reply_to_account_id END AS reply_to) r
            WHERE l.id = @listId AND s.deleted_at IS NULL AND s.visibility IN (0, 1, 2)
              AND {RepliesPolicyCondition.Replace("@replyTo", "r.reply_to")}
            ORDER BY s.id DESC
            LIMIT @limit
            """, new { listId, limit }, cancellationToken: ct));
        return ids.AsList();
    }

    private static long? ReplyTo(Status status) =>
        status.Reply && status.InReplyToAccountId is { } to && to != status.AccountId ? to : null;
}
