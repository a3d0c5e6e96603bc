using Dapper;
using Npgsql;

namespace Fedi.Core.Federation.Inbox;

/// <summary>SQL the inbox's activity handlers need beyond the follow and status stores: follow requests and who follows whom.</summary>
public sealed class InboxStore(NpgsqlDataSource db)
{
    /// <summary>Records a pending follow of a locked account (Mastodon's FollowRequest), keeping the Follow's id to answer it later.</summary>
    public async Task InsertFollowRequestAsync(long accountId, long targetAccountId, string? uri, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO follow_requests (account_id, target_account_id, uri) VALUES (@accountId, @targetAccountId, @uri)
            ON CONFLICT (account_id, target_account_id) DO UPDATE SET uri = EXCLUDED.uri, updated_at = now()
            """, new { accountId, targetAccountId, uri }, cancellationToken: ct));
    }

    public async Task DeleteFollowRequestAsync(long accountId, long targetAccountId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM follow_requests WHERE account_id = @accountId AND target_account_id = @targetAccountId",
            new { accountId, targetAccountId }, cancellationToken: ct));
    }

    /// <summary>Whether any local account follows <paramref name="accountId"/> (Mastodon only keeps statuses someone here will see).</summary>
    public async Task<bool> HasLocalFollowersAsync(long accountId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<bool>(new CommandDefinition("""
            SELECT EXISTS (SELECT 1 FROM follows f JOIN accounts a ON a.id = f.account_id
                           WHERE f.target_account_id = @accountId AND a.domain IS NULL)
            """, new { accountId }, cancellationToken: ct));
    }
}
