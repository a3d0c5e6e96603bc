using Dapper;
using Fedi.Core.Data;
using Npgsql;

namespace Fedi.Core.Statuses;

/// <summary>SQL for reblogs: rows of <c>statuses</c> whose <c>reblog_of_id</c> names the original (one live one per account and original).</summary>
public sealed class ReblogStore(NpgsqlDataSource db)
{
    /// <summary>The account's live reblog of <paramref name="originalId"/>, if any.</summary>
    public async Task<Status?> FindAsync(long accountId, long originalId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<Status>(new CommandDefinition($"""
            SELECT {StatusStore.Columns} FROM statuses s
            WHERE s.account_id = @accountId AND s.reblog_of_id = @originalId AND s.deleted_at IS NULL
            """, new { accountId, originalId }, cancellationToken: ct));
    }

    /// <summary>The reblog inside the caller's transaction; null when the account already has a live reblog of the original.</summary>
    public Task<Status?> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Status reblog, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<Status>(new CommandDefinition($"""
            INSERT INTO statuses (id, uri, visibility, reblog_of_id, account_id, application_id, local, conversation_id)
            VALUES (@id, @uri, @visibility, @reblogOfId, @accountId, @applicationId, @local, @id)
            ON CONFLICT (account_id, reblog_of_id) WHERE reblog_of_id IS NOT NULL AND deleted_at IS NULL DO NOTHING
            RETURNING {StatusStore.Columns.Replace("s.", "")}
            """, new
        {
            id = reblog.Id, uri = reblog.Uri, visibility = (int)reblog.Visibility, reblogOfId = reblog.ReblogOfId,
            accountId = reblog.AccountId, applicationId = reblog.ApplicationId, local = reblog.Local,
        }, transaction, cancellationToken: ct));

    /// <summary>Soft-deletes every live reblog of <paramref name="originalId"/> inside the caller's transaction (the original is being deleted); their ids and authors.</summary>
    public async Task<IReadOnlyList<(long Id, long AccountId)>> DeleteReblogsOfAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long originalId, CancellationToken ct) =>
        (await connection.QueryAsync<(long, long)>(new CommandDefinition("""
            UPDATE statuses SET deleted_at = now(), updated_at = now()
            WHERE reblog_of_id = @originalId AND deleted_at IS NULL
            RETURNING id, account_id
            """, new { originalId }, transaction, cancellationToken: ct))).AsList();

    /// <summary>One page of who reblogged <paramref name="originalId"/>, by the reblog's id newest first: (reblog id, account id).</summary>
    public async Task<IReadOnlyList<(long RowId, long AccountId)>> ListRebloggersAsync(long originalId, Page page, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long, long)>(new CommandDefinition($"""
            SELECT s.id, s.account_id FROM statuses s
            WHERE s.reblog_of_id = @originalId AND s.deleted_at IS NULL AND {Page.Where("s.id")}
            ORDER BY {page.OrderBy("s.id")}
            LIMIT @limit
            """, new { originalId, maxId = page.MaxId, lowerBound = page.LowerBound, limit = page.Limit }, cancellationToken: ct));
        return page.NewestFirst(rows);
    }
}
