using Dapper;
using Fedi.Core.Data;
using Npgsql;

namespace Fedi.Core.Notifications;

/// <summary>SQL for <c>notifications</c>. Every read and delete is scoped to the recipient.</summary>
public sealed class NotificationStore(NpgsqlDataSource db)
{
    private const string Columns = "n.id, n.account_id, n.from_account_id, n.type, n.status_id, n.group_key, n.created_at";

    /// <summary>The filter's conditions, over parameters @types, @excludeTypes and @fromAccountId.</summary>
    private const string Filtered = """
        (cardinality(@types::text[]) = 0 OR n.type = ANY(@types))
        AND NOT (n.type = ANY(@excludeTypes::text[]))
        AND (@fromAccountId::bigint IS NULL OR n.from_account_id = @fromAccountId)
        """;

    /// <summary>
    /// Inserts the notification unless a rule suppresses it (Mastodon's NotifyService filters): it is the
    /// recipient's own act (but a poll's end tells its author too); the recipient is remote, suspended or gone; a block stands either way; the recipient
    /// mutes the sender with notifications hidden; the recipient blocks the sender's domain; or the recipient muted
    /// the status's conversation. A repeat of the
    /// same event is dropped by the unique index. Returns the new row, or null when nothing was inserted.
    /// Favourites, reblogs and follows get a group key per status and hour (Mastodon 4.3's group_key).
    /// </summary>
    public async Task<Notification?> InsertUnlessSuppressedAsync(string type, long recipientId, long fromAccountId, long? statusId,
        bool groupable, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<Notification>(new CommandDefinition($"""
            INSERT INTO notifications AS n (account_id, from_account_id, type, status_id, group_key)
            SELECT @recipientId, @fromAccountId, @type, @statusId,
                   CASE WHEN @groupable THEN @type || '-' || COALESCE(@statusId::text, '') || '-'
                        || (extract(epoch FROM now())::bigint / 3600)::text END
            FROM accounts r JOIN accounts f ON f.id = @fromAccountId
            WHERE r.id = @recipientId AND (r.id <> f.id OR @type = 'poll') AND r.domain IS NULL AND r.suspended_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM blocks b
                              WHERE (b.account_id = r.id AND b.target_account_id = f.id)
                                 OR (b.account_id = f.id AND b.target_account_id = r.id))
              AND NOT EXISTS (SELECT 1 FROM mutes m
                              WHERE m.account_id = r.id AND m.target_account_id = f.id AND m.hide_notifications
                                AND (m.expires_at IS NULL OR m.expires_at > now()))
              AND NOT EXISTS (SELECT 1 FROM account_domain_blocks d
                              WHERE d.account_id = r.id AND f.domain IS NOT NULL AND d.domain = lower(f.domain))
              AND NOT EXISTS (SELECT 1 FROM statuses s JOIN conversation_mutes cm ON cm.conversation_id = s.conversation_id
                              WHERE s.id = @statusId AND cm.account_id = r.id)
            ON CONFLICT (type, account_id, from_account_id, (COALESCE(status_id, 0))) DO NOTHING
            RETURNING {Columns}
            """, new { type, recipientId, fromAccountId, statusId, groupable }, cancellationToken: ct));
    }

    public async Task<Notification?> FindAsync(long id, long recipientId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<Notification>(new CommandDefinition(
            $"SELECT {Columns} FROM notifications n WHERE n.id = @id AND n.account_id = @recipientId",
            new { id, recipientId }, cancellationToken: ct));
    }

    /// <summary>One page of the recipient's notifications, newest first, leaving out senders who are suspended.</summary>
    public async Task<IReadOnlyList<Notification>> ListPageAsync(long recipientId, NotificationFilter filter, Page page, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<Notification>(new CommandDefinition($"""
            SELECT {Columns} FROM notifications n JOIN accounts f ON f.id = n.from_account_id
            WHERE n.account_id = @recipientId AND f.suspended_at IS NULL AND {Filtered} AND {Page.Where("n.id")}
            ORDER BY {page.OrderBy("n.id")}
            LIMIT @limit
            """, new
            {
                recipientId, types = filter.Types, excludeTypes = filter.ExcludeTypes, fromAccountId = filter.FromAccountId,
                maxId = page.MaxId, lowerBound = page.LowerBound, limit = page.Limit,
            }, cancellationToken: ct));
        return page.NewestFirst(rows);
    }

    /// <summary>How many notifications (or, with <paramref name="groups"/>, distinct groups) are newer than <paramref name="afterId"/>, counting up to <paramref name="limit"/>.</summary>
    public async Task<int> CountAfterAsync(long recipientId, long afterId, NotificationFilter filter, int limit, bool groups, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var key = groups ? "COALESCE(n.group_key, 'ungrouped-' || n.id)" : "n.id::text";
        return await conn.ExecuteScalarAsync<int>(new CommandDefinition($"""
            SELECT count(DISTINCT k) FROM (
              SELECT {key} AS k FROM notifications n
              WHERE n.account_id = @recipientId AND n.id > @afterId AND {Filtered}
              ORDER BY n.id DESC LIMIT @limit) counted
            """, new { recipientId, afterId, types = filter.Types, excludeTypes = filter.ExcludeTypes, fromAccountId = filter.FromAccountId, limit },
            cancellationToken: ct));
    }

    /// <summary>Every notification of the given groups (keys from <see cref="Notification.EffectiveGroupKey"/>), newest first.</summary>
    public async Task<IReadOnlyList<Notification>> ListGroupsAsync(long recipientId, IReadOnlyCollection<string> groupKeys, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<Notification>(new CommandDefinition($"""
            SELECT {Columns} FROM notifications n
            WHERE n.account_id = @recipientId AND COALESCE(n.group_key, 'ungrouped-' || n.id) = ANY(@groupKeys)
            ORDER BY n.id DESC
            """, new { recipientId, groupKeys = groupKeys.ToArray() }, cancellationToken: ct));
        return rows.AsList();
    }

    public async Task<bool> DeleteAsync(long id, long recipientId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM notifications WHERE id = @id AND account_id = @recipientId", new { id, recipientId }, cancellationToken: ct)) > 0;
    }

    public async Task<bool> DeleteGroupAsync(long recipientId, string groupKey, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition("""
            DELETE FROM notifications n WHERE n.account_id = @recipientId AND COALESCE(n.group_key, 'ungrouped-' || n.id) = @groupKey
            """, new { recipientId, groupKey }, cancellationToken: ct)) > 0;
    }

    public async Task DeleteAllAsync(long recipientId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM notifications WHERE account_id = @recipientId", new { recipientId }, cancellationToken: ct));
    }

    /// <summary>Removes a follow request's notification once it is answered (Mastodon drops it on authorize/reject).</summary>
    public async Task DeleteEventAsync(string type, long recipientId, long fromAccountId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM notifications WHERE type = @type AND account_id = @recipientId AND from_account_id = @fromAccountId AND status_id IS NULL",
            new { type, recipientId, fromAccountId }, cancellationToken: ct));
    }
}
