namespace Fedi.Core.Media;

/// <summary>Deletes uploads nobody attached within a day (Mastodon's MediaCleanupScheduler), rows then files, in batches.</summary>
public sealed class RemoveOrphanedMediaService(MediaAttachmentStore store, DeleteMediaService deleter)
{
    private const int Batch = 500;

    /// <summary>How many attachments were removed.</summary>
    public async Task<int> RemoveAsync(DateTime cutoff, CancellationToken ct)
    {
        var removed = 0;
        while (true)
        {
            var batch = await store.DeleteUnattachedBeforeAsync(cutoff, Batch, ct);
            foreach (var media in batch) await deleter.DeleteFilesAsync(media, ct);
            removed += batch.Count;
            if (batch.Count < Batch) return removed;
        }
    }
}
