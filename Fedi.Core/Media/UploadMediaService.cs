using System.Text.Json.Nodes;
using Fedi.Core.Configuration;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Jobs;
using Npgsql;

namespace Fedi.Core.Media;

/// <summary>
/// Accepts an upload (Mastodon's MediaAttachment create): the type sniffed from the bytes, size and declared pixel
/// count checked before anything is decoded. Still images are processed in the request, as Mastodon does, so a
/// broken one is a 422 and nothing is stored; video, audio and GIF animations are stored as sent and processed by
/// the worker (<see cref="MediaJob"/>) unless the caller waits (the synchronous /api/v1/media).
/// </summary>
public sealed class UploadMediaService(
    NpgsqlDataSource db, MediaAttachmentStore store, IMediaStorage storage, ProcessMediaService processor, JobOutbox outbox, MediaOptions options)
{
    /// <summary>Mastodon's MAX_DESCRIPTION_LENGTH.</summary>
    public const int MaxDescriptionLength = 1_500;

    public async Task<MediaAttachment> UploadAsync(long accountId, MediaUpload upload, bool wait, CancellationToken ct)
    {
        if (upload.Description is { Length: > MaxDescriptionLength })
            throw new MediaRejectedException($"Description is too long (maximum is {MaxDescriptionLength} characters)");
        if (upload.Length <= 0) throw new MediaRejectedException("File can't be blank");
        if (upload.Length > options.VideoSizeLimit) throw TooLarge(options.VideoSizeLimit);

        using var work = WorkFolder.Create();
        var input = work.File("upload");
        await using (var file = File.Create(input))
            await upload.Content.CopyToAsync(file, ct);
        var format = await ProcessMediaService.SniffAsync(input, ct) ?? throw new MediaRejectedException("File content type is invalid");
        if (format.IsImage && upload.Length > options.ImageSizeLimit) throw TooLarge(options.ImageSizeLimit);
        var probe = format.IsImage ? ImageProbe.Read(input, options) : null;
        var type = ProcessMediaService.TypeOf(format, probe);

        var id = await store.NextIdAsync(ct);
        var meta = MediaMeta.Focus(upload.Focus) is { } focus ? new JsonObject { ["focus"] = JsonNode.Parse(focus) }.ToJsonString() : "{}";
        var row = new MediaAttachment { Id = id, AccountId = accountId, Type = type, FileMeta = meta, Description = upload.Description };
        if (type == MediaType.Image || wait)
        {
            var processed = await processor.ProcessFileAsync(id, input, format, probe, work, ct);
            await using var connection = await db.OpenConnectionAsync(ct);
            await store.InsertAsync(connection, null, row with { Processing = MediaProcessing.InProgress }, ct);
            return await store.CompleteAsync(id, processed, ct) ?? throw new InvalidOperationException("media row vanished");
        }

        var uploadKey = MediaKeys.Attachment(id, "upload", format.Extension);
        await storage.PutAsync(uploadKey, input, ct);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var inserted = await store.InsertAsync(conn, tx, row with { UploadKey = uploadKey, Processing = MediaProcessing.Queued }, ct);
        var job = await outbox.StageAsync(conn, tx, new MediaJob(id), ct);
        await tx.CommitAsync(ct);
        await outbox.ReleaseAsync(job);
        return inserted;
    }

    private static MediaRejectedException TooLarge(long limit) =>
        new($"File file size must be less than {limit / (1024 * 1024)} MB");
}
