using Dapper;
using Fedi.Core.Data;
using Npgsql;

namespace Fedi.Core.Conversations;

/// <summary>SQL for <c>account_conversations</c> (Mastodon's AccountConversation.add_status / remove_status).</summary>
public sealed class ConversationStore(NpgsqlDataSource db)
{
    private const string Columns = "c.id, c.account_id, c.participant_account_ids, c.last_status_id, c.unread";

    /// <summary>
    /// Adds a status to the account's conversation with <paramref name="participants"/> (created on first use).
    /// unread follows the newest status: a conversation is read once its owner writes in it, as Mastodon's.
    /// </summary>
    public async Task<AccountConversation> AddStatusAsync(long accountId, long[] participants, long statusId, bool unread, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleAsync<AccountConversation>(new CommandDefinition($"""
            INSERT INTO account_conversations AS c (account_id, participant_account_ids, status_ids, last_status_id, unread)
            VALUES (@accountId, @participants, ARRAY[@statusId], @statusId, @unread)
            ON CONFLICT (account_id, participant_account_ids) DO UPDATE
              SET status_ids = array_append(c.status_ids, @statusId),
                  last_status_id = GREATEST(c.last_status_id, @statusId),
                  unread = @unread, updated_at = now()
            RETURNING {Columns}
            """, new { accountId, participants, statusId, unread }, cancellationToken: ct));
    }

    /// <summary>Takes a deleted status out of every conversation; a conversation left with none disappears.</summary>
    public async Task RemoveStatusAsync(long statusId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            UPDATE account_conversations
            SET status_ids = array_remove(status_ids, @statusId),
                last_status_id = (SELECT max(x) FROM unnest(array_remove(status_ids, @statusId)) x), updated_at = now()
            WHERE status_ids @> ARRAY[@statusId]
            """, new { statusId }, tx, cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM account_conversations WHERE status_ids = '{}'", transaction: tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    /// <summary>Marks the account's conversation read; null when it is not the account's.</summary>
    public async Task<AccountConversation?> MarkReadAsync(long id, long accountId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<AccountConversation>(new CommandDefinition($"""
            UPDATE account_conversations AS c SET unread = false, updated_at = now()
            WHERE c.id = @id AND c.account_id = @accountId
            RETURNING {Columns}
            """, new { id, accountId }, cancellationToken: ct));
    }

    /// <summary>Removes the conversation from the account's list only (the statuses stay); false when not the account's.</summary>
    public async Task<bool> DeleteAsync(long id, long accountId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM account_conversations WHERE id = @id AND account_id = @accountId", new { id, accountId }, cancellationToken: ct)) > 0;
    }

    /// <summary>The account's conversations, most recent activity first, paged by last status id (as Mastodon).</summary>
    public async Task<IReadOnlyList<AccountConversation>> ListPageAsync(long accountId, Page page, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<AccountConversation>(new CommandDefinition($"""
            SELECT {Columns} FROM account_conversations c
            WHERE c.account_id = @accountId AND c.last_status_id IS NOT NULL AND {Page.Where("c.last_status_id")}
            ORDER BY {page.OrderBy("c.last_status_id")}
            LIMIT @limit
            """, new { accountId, maxId = page.MaxId, lowerBound = page.LowerBound, limit = page.Limit }, cancellationToken: ct));
        return page.NewestFirst(rows);
    }
}
