using Dapper;
using Fedi.Core.Data;
using Npgsql;

namespace Fedi.Core.Relationships;

/// <summary>SQL for <c>account_pins</c>: the accounts a user endorses on their profile.</summary>
public sealed class EndorsementStore(NpgsqlDataSource db)
{
    /// <summary>Endorses <paramref name="targetId"/> if <paramref name="accountId"/> follows it; false when it does not.</summary>
    public async Task<bool> EndorseAsync(long accountId, long targetId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<bool>(new CommandDefinition("""
            WITH followed AS (SELECT 1 FROM follows WHERE account_id = @accountId AND target_account_id = @targetId),
                 added AS (INSERT INTO account_pins (account_id, target_account_id)
                           SELECT @accountId, @targetId WHERE EXISTS (SELECT 1 FROM followed)
                           ON CONFLICT DO NOTHING)
            SELECT EXISTS (SELECT 1 FROM followed)
            """, new { accountId, targetId }, cancellationToken: ct));
    }

    public async Task UnendorseAsync(long accountId, long targetId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM account_pins WHERE account_id = @accountId AND target_account_id = @targetId",
            new { accountId, targetId }, cancellationToken: ct));
    }

    /// <summary>Which of <paramref name="targetIds"/> the viewer endorses, in one query.</summary>
    public async Task<HashSet<long>> ListEndorsedAsync(long accountId, IReadOnlyCollection<long> targetIds, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<long>(new CommandDefinition(
            "SELECT target_account_id FROM account_pins WHERE account_id = @accountId AND target_account_id = ANY(@targetIds)",
            new { accountId, targetIds = targetIds.ToArray() }, cancellationToken: ct))).ToHashSet();
    }

    /// <summary>One page of the accounts <paramref name="accountId"/> endorses, by account_pins.id, newest first: (pin id, account id).</summary>
    public async Task<IReadOnlyList<(long PinId, long AccountId)>> ListPageAsync(long accountId, Page page, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long, long)>(new CommandDefinition($"""
            SELECT p.id, p.target_account_id
            FROM account_pins p JOIN accounts a ON a.id = p.target_account_id
            WHERE p.account_id = @accountId AND a.suspended_at IS NULL AND {Page.Where("p.id")}
            ORDER BY {page.OrderBy("p.id")}
            LIMIT @limit
            """, new { accountId, maxId = page.MaxId, lowerBound = page.LowerBound, limit = page.Limit }, cancellationToken: ct));
        return page.NewestFirst(rows);
    }
}
