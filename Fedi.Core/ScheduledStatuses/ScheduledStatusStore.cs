using Dapper;
using Fedi.Core.Data;
using Npgsql;

namespace Fedi.Core.ScheduledStatuses;

/// <summary>SQL for <c>scheduled_statuses</c>.</summary>
public sealed class ScheduledStatusStore(NpgsqlDataSource db)
{
    private const string Columns = "s.id, s.account_id, s.scheduled_at, s.params::text AS params";

    public enum Outcome { Inserted, OverDailyLimit, OverTotalLimit }

    /// <summary>
    /// Inserts unless the account already has <paramref name="dailyLimit"/> posts scheduled on that UTC day or
    /// <paramref name="totalLimit"/> in all. The account's advisory lock makes count and insert one step, so
    /// parallel requests cannot pass a limit together.
    /// </summary>
    public async Task<(Outcome Outcome, ScheduledStatus? Row)> InsertAsync(long accountId, DateTime scheduledAt, string paramsJson,
        int dailyLimit, int totalLimit, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var (sameDay, total) = await conn.QuerySingleAsync<(long SameDay, long Total)>(new CommandDefinition("""
            SELECT (SELECT count(*) FROM scheduled_statuses
                    WHERE account_id = @accountId
                      AND (scheduled_at AT TIME ZONE 'UTC')::date = (@scheduledAt::timestamptz AT TIME ZONE 'UTC')::date),
                   (SELECT count(*) FROM scheduled_statuses WHERE account_id = @accountId)
            FROM (SELECT pg_advisory_xact_lock(hashtextextended('scheduled_statuses', @accountId))) AS locked
            """, new { accountId, scheduledAt }, tx, cancellationToken: ct));
        if (sameDay >= dailyLimit) return (Outcome.OverDailyLimit, null);
        if (total >= totalLimit) return (Outcome.OverTotalLimit, null);
        var row = await conn.QuerySingleAsync<ScheduledStatus>(new CommandDefinition($"""
            INSERT INTO scheduled_statuses AS s (account_id, scheduled_at, params) VALUES (@accountId, @scheduledAt, @paramsJson::jsonb)
            RETURNING {Columns}
            """, new { accountId, scheduledAt, paramsJson }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return (Outcome.Inserted, row);
    }

    /// <summary>The row, when <paramref name="accountId"/> owns it (null for another account's: 404 as Mastodon's).</summary>
    public async Task<ScheduledStatus?> FindAsync(long id, long? accountId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<ScheduledStatus>(new CommandDefinition(
            $"SELECT {Columns} FROM scheduled_statuses s WHERE s.id = @id AND (@accountId::bigint IS NULL OR s.account_id = @accountId)",
            new { id, accountId }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<ScheduledStatus>> ListPageAsync(long accountId, Page page, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<ScheduledStatus>(new CommandDefinition($"""
            SELECT {Columns} FROM scheduled_statuses s
            WHERE s.account_id = @accountId AND {Page.Where("s.id")}
            ORDER BY {page.OrderBy("s.id")} LIMIT @limit
            """, new { accountId, maxId = page.MaxId, lowerBound = page.LowerBound, limit = page.Limit }, cancellationToken: ct));
        return page.NewestFirst(rows);
    }

    public async Task<ScheduledStatus?> UpdateScheduledAtAsync(long id, long accountId, DateTime scheduledAt, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<ScheduledStatus>(new CommandDefinition($"""
            UPDATE scheduled_statuses s SET scheduled_at = @scheduledAt WHERE s.id = @id AND s.account_id = @accountId
            RETURNING {Columns}
            """, new { id, accountId, scheduledAt }, cancellationToken: ct));
    }

    public async Task<bool> DeleteAsync(long id, long? accountId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM scheduled_statuses WHERE id = @id AND (@accountId::bigint IS NULL OR account_id = @accountId)",
            new { id, accountId }, cancellationToken: ct)) > 0;
    }

    /// <summary>Rows due by <paramref name="now"/>: the safety net's pick-up of schedules whose job was lost.</summary>
    public async Task<IReadOnlyList<long>> ListDueIdsAsync(DateTime now, int limit, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<long>(new CommandDefinition(
            "SELECT id FROM scheduled_statuses WHERE scheduled_at <= @now ORDER BY scheduled_at LIMIT @limit",
            new { now, limit }, cancellationToken: ct));
        return rows.AsList();
    }
}
