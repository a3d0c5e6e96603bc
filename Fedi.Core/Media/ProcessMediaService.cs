using Fedi.Core.Configuration;
using Microsoft.Extensions.Logging;

namespace Fedi.Core.Media;

/// <summary>
/// Turns an upload into its stored files (Mastodon's PostProcessMediaWorker and the paperclip styles): images
/// through <see cref="ImageProcessor"/>, video, GIF animations and audio through <see cref="VideoProcessor"/>.
/// </summary>
public sealed class ProcessMediaService(MediaAttachmentStore store, IMediaStorage storage, MediaOptions options, ILogger<ProcessMediaService> logger)
{
    /// <summary>Processes a queued upload (the worker's job). A file that cannot be processed marks the attachment
    /// failed and its upload is deleted; anything else (storage, database) is left to the job's retry.</summary>
    public async Task ProcessAsync(long id, CancellationToken ct)
    {
        var media = await store.FindAsync(id, ct);
        if (media is null || media.IsProcessed || media.UploadKey is not { } uploadKey) return;
        await store.SetProcessingAsync(id, MediaProcessing.InProgress, null, ct);
        using var work = WorkFolder.Create();
        var input = work.File("upload");
        await storage.GetAsync(uploadKey, input, ct);
        try
        {
            var format = await SniffAsync(input, ct) ?? throw new MediaRejectedException("File content type is invalid");
            var probe = format.IsImage ? ImageProbe.Read(input, options) : null;
            var processed = await ProcessFileAsync(id, input, format, probe, work, ct);
            await store.CompleteAsync(id, processed, ct);
        }
        catch (MediaRejectedException e)
        {
            logger.LogInformation("Media attachment {Id} could not be processed: {Error}", id, e.Error);
            await store.SetProcessingAsync(id, MediaProcessing.Failed, e.Error, ct);
        }
        await storage.DeleteAsync(uploadKey, ct);
    }

    /// <summary>Processes <paramref name="input"/> and stores the results under keys of attachment <paramref name="id"/>.</summary>
    public async Task<ProcessedMedia> ProcessFileAsync(long id, string input, MediaFormat format, ImageProbe? probe, WorkFolder work, CancellationToken ct)
    {
        var files = probe is not null && TypeOf(format, probe) == MediaType.Image
            ? ImageProcessor.Process(input, format, probe, work.Path)
            : await VideoProcessor.ProcessAsync(input, format, TypeOf(format, probe), work.Path, ct);

        var fileKey = MediaKeys.Attachment(id, "original", files.Format.Extension);
        string? thumbnailKey = null;
        await storage.PutAsync(fileKey, files.OriginalPath, ct);
        if (files.SmallPath is { } small)
        {
            thumbnailKey = MediaKeys.Attachment(id, "small", Path.GetExtension(small).TrimStart('.'));
            await storage.PutAsync(thumbnailKey, small, ct);
        }
        return new ProcessedMedia(files.Type, fileKey, files.Format.ContentType, new FileInfo(files.OriginalPath).Length,
            thumbnailKey, files.Blurhash, files.Meta);
    }

    /// <summary>The type an attachment will have once processed: an animated GIF becomes gifv (other animated
    /// formats keep their first frame, which ffmpeg 5 cannot decode otherwise).</summary>
    public static MediaType TypeOf(MediaFormat format, ImageProbe? probe) =>
        probe is { IsAnimated: true } && format == MediaFormat.Gif ? MediaType.Gifv : format.Type;

    public static async Task<MediaFormat?> SniffAsync(string path, CancellationToken ct)
    {
        var head = new byte[MediaSniffer.HeaderLength];
        await using var file = File.OpenRead(path);
        var read = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        return MediaSniffer.Sniff(head.AsSpan(0, read));
    }
}
