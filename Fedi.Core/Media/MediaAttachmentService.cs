using Fedi.Core.Errors;
using Fedi.Core.Identifiers;
using Npgsql;

namespace Fedi.Core.Media;

/// <summary>The media_ids[] of a post or an edit: checked (own, processed, free or already this status's, at most
/// four) before the status's transaction, attached inside it.</summary>
public sealed class MediaAttachmentService(MediaAttachmentStore store)
{
    /// <summary>Mastodon's MAX_MEDIA_ATTACHMENTS.</summary>
    public const int MaxAttachments = 4;

    /// <summary>The attachments in the order given; 422 for anything Mastodon refuses.</summary>
    public async Task<IReadOnlyList<long>> CheckAsync(long accountId, IReadOnlyList<string> mediaIds, long? statusId, CancellationToken ct)
    {
        var given = mediaIds.Where(id => id.Length > 0).ToList();
        if (given.Count == 0) return [];
        if (given.Count > MaxAttachments) throw ApiException.Unprocessable($"Validation failed: You can't attach more than {MaxAttachments} files");
        var ids = given.Select(id => Snowflake.TryParse(id) ?? throw ApiException.Unprocessable("Validation failed: Media attachments are invalid")).Distinct().ToList();
        var found = (await store.ListForAttachingAsync(ids, ct)).ToDictionary(m => m.Id);
        foreach (var id in ids)
        {
            if (!found.TryGetValue(id, out var media) || media.AccountId != accountId || (media.StatusId is { } attached && attached != statusId))
                throw ApiException.Unprocessable("Validation failed: Media attachments are invalid");
            if (!media.IsProcessed)
                throw ApiException.Unprocessable("Cannot attach files that have not finished processing. Try again in a moment!");
        }
        return ids;
    }

    /// <summary>Whether <paramref name="ids"/> differ from what the status shows now.</summary>
    public async Task<bool> ChangesAsync(long statusId, IReadOnlyList<long> ids, CancellationToken ct) =>
        !(await store.ListByStatusesAsync([statusId], ct))[statusId].Select(m => m.Id).SequenceEqual(ids);

    public Task AttachAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long statusId, IReadOnlyList<long> ids, CancellationToken ct) =>
        store.AttachAsync(connection, transaction, statusId, ids, ct);
}
