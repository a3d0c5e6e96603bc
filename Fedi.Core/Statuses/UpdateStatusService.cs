using Fedi.Core.Data;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Errors;
using Fedi.Core.Jobs;
using Fedi.Core.Media;
using Fedi.Core.Polls;
using Npgsql;

namespace Fedi.Core.Statuses;

/// <summary>
/// Edits one's own status (Mastodon's UpdateStatusService): the text, content warning, sensitivity and language
/// change in place with edited_at set, and status_edits keeps every version (the first one recorded at the first
/// edit), and so do its mentions and hashtags (a dropped mention turns silent; a new one is notified by the fan-out);
/// a poll sent replaces the status's poll, resetting its votes when the options change, and none sent
/// removes it, as Mastodon's update_poll!. Then the worker re-runs the fan-out in update mode, which sends
/// <c>status.update</c> where the status went, and remote inboxes get an Update.
/// An edit that changes nothing records nothing.
/// </summary>
public sealed class UpdateStatusService(NpgsqlDataSource db, StatusStore statuses, StatusEditStore edits, JobOutbox outbox, ReblogStore reblogs,
    StatusPolls polls, MediaAttachmentService media, MentionResolver mentions, TagStore tags)
{
    public async Task<Status> UpdateAsync(long accountId, long statusId, NewStatus input, CancellationToken ct = default)
    {
        var status = await statuses.FindAsync(statusId, ct);
        if (status is null || status.AccountId != accountId || status.ReblogOfId is not null) throw ApiException.NotFound();
        PostStatusService.Validate(input);
        polls.Validate(input.Poll);
        var pollChanged = await polls.ChangesAsync(status.Id, input.Poll, ct);
        var attachments = input.MediaIds is { } mediaIds ? await media.CheckAsync(accountId, mediaIds, status.Id, ct) : null;

        return await ApplyAsync(status, status with
        {
            Text = input.Text,
            SpoilerText = input.SpoilerText,
            Sensitive = input.Sensitive || input.SpoilerText.Length > 0,
            Language = StatusText.NormalizeLanguage(input.Language) ?? status.Language,
        }, ct, pollChanged ? new PollChange(input.Poll) : null, attachments);
    }

    /// <summary>
    /// Records <paramref name="edited"/> as the new version of <paramref name="status"/>, already checked by the caller
    /// (a local edit, with its poll and media when they change, or a remote author's Update); the status as stored. A local status's mentions and hashtags are read
    /// again from its new text (a remote one's come with its Note).
    /// </summary>
    public async Task<Status> ApplyAsync(Status status, Status edited, CancellationToken ct = default, PollChange? pollChange = null,
        IReadOnlyList<long>? attachments = null)
    {
        var accountId = status.AccountId;
        if (edited.Text == status.Text && edited.SpoilerText == status.SpoilerText && edited.Sensitive == status.Sensitive
            && edited.Language == status.Language && pollChange is null
            && (attachments is null || !await media.ChangesAsync(status.Id, attachments, ct)))
            return status;

        // Mastodon tells those who boosted the status that it changed under their boost.
        var boosters = await reblogs.ListRebloggersAsync(status.Id, Page.Newest(1000), ct);
        var mentioned = edited.Text == status.Text || !status.Local ? null : await mentions.ResolveAsync(edited.Text, ct);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (!await edits.AnyAsync(conn, tx, status.Id, ct)) await edits.InsertAsync(conn, tx, status, status.CreatedAt, ct);
        var updated = await edits.UpdateStatusAsync(conn, tx, edited, ct);
        if (attachments is not null) await media.AttachAsync(conn, tx, status.Id, attachments, ct);
        await edits.InsertAsync(conn, tx, updated, updated.EditedAt ?? DateTime.UtcNow, ct);
        if (mentioned is not null)
        {
            await statuses.ReplaceMentionsAsync(conn, tx, status.Id, mentioned.Select(a => a.Id).ToList(), ct);
            await tags.ReplaceAsync(conn, tx, status.Id, StatusTags.Extract(edited.Text), ct);
        }
        var poll = pollChange is not null ? await polls.ReplaceAsync(conn, tx, status.Id, accountId, pollChange.Poll, ct) : null;
        var staged = new List<JobOutbox.Staged>
        {
            await outbox.StageAsync(conn, tx, new DistributionJob(updated.Id, Update: true), ct),
            await outbox.StageAsync(conn, tx, new ActivityPubDistributionJob(updated.Id, ActivityPubDistributionJob.Update), ct),
        };
        foreach (var (_, boosterId) in boosters)
            staged.Add(await outbox.StageAsync(conn, tx, new LocalNotificationJob(boosterId, accountId, "update", status.Id), ct));
        await tx.CommitAsync(ct);

        await outbox.ReleaseAsync(staged);
        await polls.ScheduleExpiryAsync(poll);
        return updated;
    }
}
