using Dapper;
using Npgsql;

namespace Fedi.Core.Federation.Outbound;

/// <summary>
/// Which remote inboxes an activity goes to (Mastodon's StatusReachFinder and Account.inboxes): each remote account's
/// shared inbox, else its own, deduplicated in SQL so a thousand followers behind one shared inbox cost one delivery.
/// Suspended accounts are left out.
/// </summary>
public sealed class DeliveryInboxStore(NpgsqlDataSource db)
{
    private const string Inbox = "COALESCE(NULLIF(a.shared_inbox_url, ''), NULLIF(a.inbox_url, ''))";

    /// <summary>The inboxes of a status's remote audience: the author's followers when <paramref name="followers"/>,
    /// the mentioned accounts, and the replied-to account when <paramref name="repliedTo"/> is given.</summary>
    public async Task<IReadOnlyList<string>> ListForStatusAsync(long authorId, long statusId, bool followers, long? repliedTo, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<string>(new CommandDefinition($"""
            SELECT DISTINCT {Inbox} FROM accounts a
            WHERE a.domain IS NOT NULL AND a.suspended_at IS NULL AND {Inbox} IS NOT NULL
              AND ((@followers AND a.id IN (SELECT f.account_id FROM follows f WHERE f.target_account_id = @authorId))
                   OR a.id IN (SELECT m.account_id FROM mentions m WHERE m.status_id = @statusId)
                   OR a.id = @repliedTo)
            """, new { authorId, statusId, followers, repliedTo }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>The inboxes of <paramref name="accountId"/>'s remote followers (an Update of the actor goes there).</summary>
    public async Task<IReadOnlyList<string>> ListFollowersAsync(long accountId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<string>(new CommandDefinition($"""
            SELECT DISTINCT {Inbox} FROM accounts a JOIN follows f ON f.account_id = a.id
            WHERE f.target_account_id = @accountId AND a.domain IS NOT NULL AND a.suspended_at IS NULL AND {Inbox} IS NOT NULL
            """, new { accountId }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>A remote account's personal inbox (a Follow, its answer or a Block is addressed to it alone); null when it
    /// has none or is not remote.</summary>
    public async Task<string?> FindInboxAsync(long accountId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT NULLIF(inbox_url, '') FROM accounts WHERE id = @accountId AND domain IS NOT NULL", new { accountId }, cancellationToken: ct));
    }
}
