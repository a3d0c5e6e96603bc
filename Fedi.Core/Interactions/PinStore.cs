using Dapper;
using Npgsql;

namespace Fedi.Core.Interactions;

/// <summary>SQL for <c>status_pins</c>.</summary>
public sealed class PinStore(NpgsqlDataSource db) : AccountStatusRowStore(db, "status_pins")
{
    /// <summary>
    /// Pins inside the caller's transaction unless the account already has <paramref name="max"/> pins; the
    /// account's row is locked first, so two pins at once cannot both pass the count. True when pinned (or already).
    /// </summary>
    public async Task<bool> InsertWithinLimitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        long accountId, long statusId, int max, CancellationToken ct)
    {
        var (count, already) = await connection.QuerySingleAsync<(long, bool)>(new CommandDefinition("""
            SELECT (SELECT count(*) FROM status_pins WHERE account_id = @accountId),
                   EXISTS (SELECT 1 FROM status_pins WHERE account_id = @accountId AND status_id = @statusId)
            FROM accounts WHERE id = @accountId FOR UPDATE
            """, new { accountId, statusId }, transaction, cancellationToken: ct));
        if (already) return true;
        if (count >= max) return false;
        await InsertAsync(connection, transaction, accountId, statusId, ct);
        return true;
    }

    /// <summary>The account's pinned status ids, most recently pinned first.</summary>
    public async Task<IReadOnlyList<long>> ListStatusIdsAsync(long accountId, CancellationToken ct = default)
    {
        await using var conn = await Db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<long>(new CommandDefinition(
            "SELECT status_id FROM status_pins WHERE account_id = @accountId ORDER BY id DESC",
            new { accountId }, cancellationToken: ct))).AsList();
    }
}
