using Dapper;
using Npgsql;

namespace Fedi.Core.Media;

/// <summary>SQL for <c>media_attachments</c>.</summary>
public sealed class MediaAttachmentStore(NpgsqlDataSource db)
{
    /// <summary>SQL condition on a status aliased <c>s</c>: with <c>@onlyMedia</c> true, only those with attachments (only_media).</summary>
    public const string OnlyMediaFilter = "(NOT @onlyMedia OR EXISTS (SELECT 1 FROM media_attachments ma WHERE ma.status_id = s.id))";

    private const string Columns = """
        id, account_id, status_id, type, file_key, file_content_type, file_file_size, thumbnail_key, upload_key,
        file_meta::text AS file_meta, description, blurhash, processing, processing_error, remote_url, created_at
        """;

    public async Task<MediaAttachment?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<MediaAttachment>(new CommandDefinition(
            $"SELECT {Columns} FROM media_attachments WHERE id = @id", new { id }, cancellationToken: ct));
    }

    /// <summary>The attachments among <paramref name="ids"/> as a new post sees them: one whose status was deleted counts as
    /// free (status_id null), so "delete and redraft" can post the same media again, as Mastodon allows.</summary>
    public async Task<IReadOnlyList<MediaAttachment>> ListForAttachingAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return [];
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<MediaAttachment>(new CommandDefinition($"""
            SELECT {Columns.Replace("status_id,", "CASE WHEN EXISTS (SELECT 1 FROM statuses s WHERE s.id = media_attachments.status_id AND s.deleted_at IS NULL) THEN status_id END AS status_id,")}
            FROM media_attachments WHERE id = ANY(@ids)
            """, new { ids = ids.Distinct().ToArray() }, cancellationToken: ct))).AsList();
    }

    /// <summary>Each status's attachments, in upload order (the order Mastodon shows them).</summary>
    public async Task<ILookup<long, MediaAttachment>> ListByStatusesAsync(IReadOnlyCollection<long> statusIds, CancellationToken ct = default)
    {
        if (statusIds.Count == 0) return Array.Empty<MediaAttachment>().ToLookup(m => m.StatusId!.Value);
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<MediaAttachment>(new CommandDefinition(
            $"SELECT {Columns} FROM media_attachments WHERE status_id = ANY(@statusIds) ORDER BY id",
            new { statusIds = statusIds.Distinct().ToArray() }, cancellationToken: ct));
        return rows.ToLookup(m => m.StatusId!.Value);
    }

    /// <summary>Whether the status has attachments (it goes to the public media channels).</summary>
    public async Task<bool> AnyForStatusAsync(long statusId, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM media_attachments WHERE status_id = @statusId)", new { statusId }, cancellationToken: ct));
    }

    public async Task<MediaAttachment> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, MediaAttachment media, CancellationToken ct) =>
        await connection.QuerySingleAsync<MediaAttachment>(new CommandDefinition($"""
            INSERT INTO media_attachments (id, account_id, type, upload_key, file_meta, description, processing)
            VALUES (@id, @accountId, @type, @uploadKey, @meta::jsonb, @description, @processing)
            RETURNING {Columns}
            """, new
        {
            id = media.Id, accountId = media.AccountId, type = (short)media.Type, uploadKey = media.UploadKey, meta = media.FileMeta,
            description = media.Description, processing = (short)media.Processing,
        }, transaction, cancellationToken: ct));

    /// <summary>A new time-ordered id, so storage keys can name the attachment before its row exists.</summary>
    public async Task<long> NextIdAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<long>(new CommandDefinition("SELECT timestamp_id('media_attachments')", cancellationToken: ct));
    }

    /// <summary>The processed files and what was learnt about them; the upload key is cleared.</summary>
    public async Task<MediaAttachment?> CompleteAsync(long id, ProcessedMedia processed, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<MediaAttachment>(new CommandDefinition($"""
            UPDATE media_attachments
            SET type = @type, file_key = @fileKey, file_content_type = @contentType, file_file_size = @size,
                thumbnail_key = @thumbnailKey, upload_key = NULL, blurhash = @blurhash, processing = 2, processing_error = NULL,
                file_meta = @meta::jsonb || jsonb_strip_nulls(jsonb_build_object('focus', file_meta -> 'focus')), updated_at = now()
            WHERE id = @id
            RETURNING {Columns}
            """, new
        {
            id, type = (short)processed.Type, fileKey = processed.FileKey, contentType = processed.ContentType, size = processed.Size,
            thumbnailKey = processed.ThumbnailKey, blurhash = processed.Blurhash, meta = processed.Meta,
        }, cancellationToken: ct));
    }

    public async Task SetProcessingAsync(long id, MediaProcessing processing, string? error, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            UPDATE media_attachments SET processing = @processing, processing_error = @error, updated_at = now() WHERE id = @id
            """, new { id, processing = (short)processing, error }, cancellationToken: ct));
    }

    /// <summary>Description and focus (null leaves each as it is); the row as stored.</summary>
    public async Task<MediaAttachment?> UpdateAsync(long id, string? description, string? focusJson, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<MediaAttachment>(new CommandDefinition($"""
            UPDATE media_attachments
            SET description = COALESCE(@description, description),
                file_meta = CASE WHEN @focus::jsonb IS NULL THEN file_meta ELSE file_meta || jsonb_build_object('focus', @focus::jsonb) END,
                updated_at = now()
            WHERE id = @id
            RETURNING {Columns}
            """, new { id, description, focus = focusJson }, cancellationToken: ct));
    }

    /// <summary>Deletes an attachment no status uses; false when it is attached (or gone).</summary>
    public async Task<bool> DeleteUnattachedAsync(long id, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM media_attachments WHERE id = @id AND status_id IS NULL", new { id }, cancellationToken: ct)) == 1;
    }

    /// <summary>Deletes up to <paramref name="limit"/> uploads never attached and created before <paramref name="cutoff"/>; the rows deleted.</summary>
    public async Task<IReadOnlyList<MediaAttachment>> DeleteUnattachedBeforeAsync(DateTime cutoff, int limit, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<MediaAttachment>(new CommandDefinition($"""
            DELETE FROM media_attachments
            WHERE id IN (SELECT id FROM media_attachments WHERE status_id IS NULL AND created_at < @cutoff ORDER BY created_at LIMIT @limit)
              AND status_id IS NULL
            RETURNING {Columns}
            """, new { cutoff, limit }, cancellationToken: ct))).AsList();
    }

    /// <summary>Sets the status of the given attachments and frees those it had before (an edit), inside the post's transaction.</summary>
    public async Task AttachAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long statusId, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE media_attachments SET status_id = NULL, updated_at = now() WHERE status_id = @statusId AND NOT (id = ANY(@ids))
            """, new { statusId, ids = ids.ToArray() }, transaction, cancellationToken: ct));
        if (ids.Count == 0) return;
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE media_attachments SET status_id = @statusId, updated_at = now() WHERE id = ANY(@ids)
            """, new { statusId, ids = ids.ToArray() }, transaction, cancellationToken: ct));
    }
}
