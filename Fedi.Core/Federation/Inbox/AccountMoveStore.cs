using Dapper;
using Npgsql;

namespace Fedi.Core.Federation.Inbox;

/// <summary>SQL for <c>accounts.moved_to_account_id</c>: where a remote account says it has moved.</summary>
public sealed class AccountMoveStore(NpgsqlDataSource db)
{
    public async Task SetMovedToAsync(long accountId, long targetAccountId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            UPDATE accounts SET moved_to_account_id = @targetAccountId, updated_at = now()
            WHERE id = @accountId AND domain IS NOT NULL
            """, new { accountId, targetAccountId }, cancellationToken: ct));
    }
}
