using Dapper;
using Npgsql;

namespace Fedi.Core.Statuses;

/// <summary>SQL for <c>statuses</c> and <c>mentions</c>. Reads skip soft-deleted rows.</summary>
public sealed class StatusStore(NpgsqlDataSource db)
{
    public const string Columns = """
        s.id, s.uri, s.url, s.text, s.spoiler_text, s.sensitive, s.visibility, s.language, s.reply,
        s.in_reply_to_id, s.in_reply_to_account_id, s.reblog_of_id, s.account_id, s.application_id,
        s.local, s.created_at, s.edited_at, s.deleted_at, s.conversation_id
        """;

    public async Task<Status?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<Status>(new CommandDefinition(
            $"SELECT {Columns} FROM statuses s WHERE s.id = @id AND s.deleted_at IS NULL", new { id }, cancellationToken: ct));
    }

    /// <summary>Including soft-deleted rows: the removal job still needs to know whom a deleted status reached.</summary>
    public async Task<Status?> FindIncludingDeletedAsync(long id, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<Status>(new CommandDefinition(
            $"SELECT {Columns} FROM statuses s WHERE s.id = @id", new { id }, cancellationToken: ct));
    }

    /// <summary>The live statuses among <paramref name="ids"/>, newest first.</summary>
    public async Task<IReadOnlyList<Status>> ListAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return [];
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<Status>(new CommandDefinition(
            $"SELECT {Columns} FROM statuses s WHERE s.id = ANY(@ids) AND s.deleted_at IS NULL ORDER BY s.id DESC",
            new { ids = ids.Distinct().ToArray() }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>Account ids mentioned by each status (silent mentions, dropped by an edit, are left out).</summary>
    public async Task<ILookup<long, long>> ListMentionedAccountIdsAsync(IReadOnlyCollection<long> statusIds, CancellationToken ct = default)
    {
        if (statusIds.Count == 0) return Array.Empty<(long, long)>().ToLookup(x => x.Item1, x => x.Item2);
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long StatusId, long AccountId)>(new CommandDefinition(
            "SELECT status_id, account_id FROM mentions WHERE status_id = ANY(@statusIds) AND NOT silent ORDER BY id",
            new { statusIds = statusIds.Distinct().ToArray() }, cancellationToken: ct));
        return rows.ToLookup(r => r.StatusId, r => r.AccountId);
    }

    /// <summary>A new time-ordered id for a status (the database's timestamp_id), so its URI can name it before the insert.</summary>
    public Task<long> NextIdAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT timestamp_id('statuses')", transaction: transaction, cancellationToken: ct));

    /// <summary>A local status (<paramref name="status"/>'s id from <see cref="NextIdAsync"/>) inside the post's transaction; the row as stored.</summary>
    public Task<Status> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Status status, CancellationToken ct) =>
        connection.QuerySingleAsync<Status>(new CommandDefinition($"""
            INSERT INTO statuses (id, uri, url, text, spoiler_text, sensitive, visibility, language, reply,
                                  in_reply_to_id, in_reply_to_account_id, account_id, application_id, local, conversation_id)
            VALUES (@id, @uri, @url, @text, @spoilerText, @sensitive, @visibility, @language, @reply,
                    @inReplyToId, @inReplyToAccountId, @accountId, @applicationId, true, @conversationId)
            RETURNING {Columns.Replace("s.", "")}
            """, new
        {
            id = status.Id, uri = status.Uri, url = status.Url, text = status.Text, spoilerText = status.SpoilerText,
            sensitive = status.Sensitive, visibility = (int)status.Visibility, language = status.Language, reply = status.Reply,
            inReplyToId = status.InReplyToId, inReplyToAccountId = status.InReplyToAccountId, accountId = status.AccountId,
            applicationId = status.ApplicationId, conversationId = status.ConversationId ?? status.Id,
        }, transaction, cancellationToken: ct));

    /// <summary>The accounts a status mentions, inside the post's transaction.</summary>
    public async Task InsertMentionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long statusId,
        IReadOnlyCollection<long> accountIds, CancellationToken ct)
    {
        if (accountIds.Count == 0) return;
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO mentions (status_id, account_id) SELECT @id, unnest(@accountIds) ON CONFLICT DO NOTHING",
            new { id = statusId, accountIds = accountIds.ToArray() }, transaction, cancellationToken: ct));
    }

    /// <summary>
    /// After an edit: the mentions in the new text, inside the edit's transaction. A mention the edit dropped turns
    /// silent rather than going (Mastodon's ProcessMentionsService): who was notified keeps access to the status.
    /// </summary>
    public async Task ReplaceMentionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long statusId,
        IReadOnlyCollection<long> accountIds, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE mentions SET silent = NOT (account_id = ANY(@accountIds)) WHERE status_id = @id;
            INSERT INTO mentions (status_id, account_id) SELECT @id, unnest(@accountIds) ON CONFLICT DO NOTHING;
            """, new { id = statusId, accountIds = accountIds.ToArray() }, transaction, cancellationToken: ct));
    }

    /// <summary>Soft-deletes a live status inside the caller's transaction; false when it was already deleted.</summary>
    public async Task<bool> DeleteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long statusId, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE statuses SET deleted_at = now(), updated_at = now() WHERE id = @statusId AND deleted_at IS NULL",
            new { statusId }, transaction, cancellationToken: ct)) > 0;

    /// <summary>Whether the status mentions <paramref name="viewerId"/> or, when <paramref name="followersToo"/>,
    /// the viewer follows <paramref name="authorId"/> (who besides the author sees a private or direct status).</summary>
    public async Task<bool> ReachesAsync(long statusId, long authorId, long viewerId, bool followersToo, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<bool>(new CommandDefinition("""
            SELECT EXISTS (SELECT 1 FROM mentions WHERE status_id = @statusId AND account_id = @viewerId)
                OR (@private AND EXISTS (SELECT 1 FROM follows WHERE account_id = @viewerId AND target_account_id = @authorId))
            """, new { statusId, viewerId, authorId, @private = followersToo }, cancellationToken: ct));
    }

    /// <summary>Those of <paramref name="ids"/> that <paramref name="authorId"/> wrote or that reblog a status of theirs.</summary>
    public async Task<IReadOnlyList<long>> ListIdsByAuthorAsync(IReadOnlyCollection<long> ids, long authorId, CancellationToken ct = default)
    {
        if (ids.Count == 0) return [];
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<long>(new CommandDefinition("""
            SELECT s.id FROM statuses s LEFT JOIN statuses r ON r.id = s.reblog_of_id
            WHERE s.id = ANY(@inFeed) AND (s.account_id = @targetAccountId OR r.account_id = @targetAccountId)
            """, new { inFeed = ids.ToArray(), targetAccountId = authorId }, cancellationToken: ct))).AsList();
    }
}
