using Dapper;
using Npgsql;

namespace Fedi.Core.Statuses;

/// <summary>A row of <c>status_edits</c>: one version of an edited status (Mastodon's StatusEdit).</summary>
public sealed record StatusEdit
{
    public long Id { get; init; }
    public long StatusId { get; init; }
    public long AccountId { get; init; }
    public string Text { get; init; } = "";
    public string SpoilerText { get; init; } = "";
    public bool Sensitive { get; init; }
    public string? Language { get; init; }
    public DateTime CreatedAt { get; init; }
}

/// <summary>SQL for <c>status_edits</c>.</summary>
public sealed class StatusEditStore(NpgsqlDataSource db)
{
    /// <summary>Records <paramref name="version"/> of the status as it stood at <paramref name="at"/>, inside the edit's transaction.</summary>
    public Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Status version, DateTime at, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO status_edits (status_id, account_id, text, spoiler_text, sensitive, language, created_at)
            VALUES (@id, @accountId, @text, @spoilerText, @sensitive, @language, @at)
            """, new
        {
            id = version.Id, accountId = version.AccountId, text = version.Text, spoilerText = version.SpoilerText,
            sensitive = version.Sensitive, language = version.Language, at,
        }, transaction, cancellationToken: ct));

    /// <summary>Whether the status was edited before (then its first version is already recorded).</summary>
    public Task<bool> AnyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long statusId, CancellationToken ct) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM status_edits WHERE status_id = @statusId)", new { statusId }, transaction, cancellationToken: ct));

    /// <summary>Every version of the status, oldest first.</summary>
    public async Task<IReadOnlyList<StatusEdit>> ListAsync(long statusId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<StatusEdit>(new CommandDefinition("""
            SELECT id, status_id, account_id, text, spoiler_text, sensitive, language, created_at
            FROM status_edits WHERE status_id = @statusId ORDER BY id
            """, new { statusId }, cancellationToken: ct))).AsList();
    }

    /// <summary>The new text of a status inside the edit's transaction, stamping edited_at; the row as stored.</summary>
    public Task<Status> UpdateStatusAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Status edited, CancellationToken ct) =>
        connection.QuerySingleAsync<Status>(new CommandDefinition($"""
            UPDATE statuses s SET text = @text, spoiler_text = @spoilerText, sensitive = @sensitive, language = @language,
                                  edited_at = now(), updated_at = now()
            WHERE s.id = @id
            RETURNING {StatusStore.Columns}
            """, new
        {
            id = edited.Id, text = edited.Text, spoilerText = edited.SpoilerText, sensitive = edited.Sensitive, language = edited.Language,
        }, transaction, cancellationToken: ct));
}
