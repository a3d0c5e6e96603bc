using Dapper;
using Npgsql;

namespace Fedi.Core.Interactions;

/// <summary>SQL for <c>conversation_mutes</c>: the threads (by their root's id) an account muted.</summary>
public sealed class ConversationMuteStore(NpgsqlDataSource db)
{
    public async Task InsertAsync(long accountId, long conversationId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO conversation_mutes (account_id, conversation_id) VALUES (@accountId, @conversationId)
            ON CONFLICT (account_id, conversation_id) DO NOTHING
            """, new { accountId, conversationId }, cancellationToken: ct));
    }

    public async Task DeleteAsync(long accountId, long conversationId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM conversation_mutes WHERE account_id = @accountId AND conversation_id = @conversationId",
            new { accountId, conversationId }, cancellationToken: ct));
    }
}
