using Fedi.Core.Accounts;
using Fedi.Core.Configuration;
using Fedi.Core.Contracts;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Errors;
using Fedi.Core.Jobs;
using Fedi.Core.Media;
using Fedi.Core.Polls;
using Fedi.Core.Validation;
using Npgsql;

namespace Fedi.Core.Statuses;

/// <summary>
/// Posts a local status (Mastodon's PostStatusService): validates, writes the status, its mentions and
/// the author's counters in one transaction, then hands fan-out to the worker (DistributionWorker, and ActivityPub::DistributionWorker for remote
/// followers) through the job outbox, so
/// a status that is stored always gets its fan-out, even when Redis is away at that moment.
/// </summary>
public sealed class PostStatusService(
    NpgsqlDataSource db, StatusStore statuses, TagStore tags, AccountStatsStore stats, StatusPolicy policy,
    StatusIdempotency idempotency, JobOutbox outbox, InstanceOptions instance, StatusStatsStore statusStats,
    StatusPolls polls, MediaAttachmentService media, MentionResolver mentions)
{
    public async Task<Status> PostAsync(Account author, NewStatus input, CancellationToken ct = default)
    {
        Validate(input);
        polls.Validate(input.Poll);
        if (input.IdempotencyKey is { } key)
            return await idempotency.OnceAsync(author.Id, key, () => CreateAsync(author, input, ct), id => statuses.FindAsync(id, ct), ct);
        return await CreateAsync(author, input, ct);
    }

    /// <summary>The text rules every post and every edit obeys.</summary>
    internal static void Validate(NewStatus input)
    {
        if (string.IsNullOrWhiteSpace(input.Text) && !(input.MediaIds ?? []).Any(id => id.Length > 0))
            throw new ValidationException("text", "ERR_BLANK", "Text can't be blank");
        // Raw bounds first: the count below lets a URL or a remote mention of any length count short.
        TextLimits.Check(input.Text + input.SpoilerText, "text", "Text", TextLimits.StatusRawLength);
        if (StatusText.UrlPattern().Matches(input.Text + " " + input.SpoilerText).Any(url => url.Length > TextLimits.StatusUrl))
            throw TextLimits.TooLong("text", "Link", TextLimits.StatusUrl);
        TextLimits.Check(input.Language, "language", "Language", TextLimits.LanguageCode);
        if (StatusText.CountCharacters(input.Text) + StatusText.CountCharacters(input.SpoilerText) > StatusText.MaxCharacters)
            throw new ValidationException("text", "ERR_TOO_LONG", $"Text character limit of {StatusText.MaxCharacters} exceeded");
    }

    private async Task<Status> CreateAsync(Account author, NewStatus input, CancellationToken ct)
    {
        Status? parent = null;
        if (input.InReplyToId is { } parentId)
        {
            parent = await statuses.FindAsync(parentId, ct);
            if (parent is null || !await policy.CanViewAsync(parent, author.Id, ct)) throw ApiException.NotFound();
        }
        var mentioned = await mentions.ResolveAsync(input.Text, ct);
        var attachments = await media.CheckAsync(author.Id, input.MediaIds ?? [], null, ct);

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var id = await statuses.NextIdAsync(conn, tx, ct);
        var status = await statuses.InsertAsync(conn, tx, new Status
        {
            Id = id,
            Uri = $"{instance.WebBaseUrl}/users/{author.Username}/statuses/{id}",
            Url = $"{instance.WebBaseUrl}/@{author.Username}/{id}",
            Text = input.Text,
            SpoilerText = input.SpoilerText,
            Sensitive = input.Sensitive || input.SpoilerText.Length > 0,
            Visibility = input.Visibility,
            Language = StatusText.NormalizeLanguage(input.Language),
            Reply = parent is not null,
            InReplyToId = parent?.Id,
            InReplyToAccountId = parent?.AccountId,
            ConversationId = parent is null ? id : parent.ConversationId ?? parent.Id,
            AccountId = author.Id,
            ApplicationId = input.ApplicationId,
            Local = true,
        }, ct);
        await statuses.InsertMentionsAsync(conn, tx, id, mentioned.Select(a => a.Id).ToList(), ct);
        await tags.AttachAsync(conn, tx, id, StatusTags.Extract(input.Text), ct);
        await media.AttachAsync(conn, tx, id, attachments, ct);
        await stats.AddStatusesAsync(conn, tx, author.Id, 1, touchLastStatus: true, ct);
        if (parent is not null) await statusStats.AddAsync(conn, tx, parent.Id, StatusCounter.Replies, 1, ct);
        var poll = await polls.AttachAsync(conn, tx, id, author.Id, input.Poll, ct);
        JobOutbox.Staged[] distribution =
        [
            await outbox.StageAsync(conn, tx, new DistributionJob(status.Id), ct),
            await outbox.StageAsync(conn, tx, new ActivityPubDistributionJob(status.Id), ct),
        ];
        await tx.CommitAsync(ct);

        await outbox.ReleaseAsync(distribution);
        await polls.ScheduleExpiryAsync(poll);
        return status;
    }
}
