using System.Text.RegularExpressions;
using Fedi.Core.Accounts;
using Fedi.Core.Contracts;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Errors;
using Fedi.Core.Jobs;
using Fedi.Core.Relationships;
using Npgsql;

namespace Fedi.Core.Follows;

/// <summary>
/// Follows an account (Mastodon's FollowService): the follow row and both counters in one transaction, then a
/// MergeWorker job brings the target's recent statuses into the follower's home feed and a LocalNotificationWorker
/// job notifies the target. A locked account is asked instead: a follow request and a <c>follow_request</c>
/// notification, until it authorizes (<see cref="AuthorizeFollowService"/>). Following again changes only the
/// options sent. A remote account is always asked: a follow request and a Follow delivered to it, which its Accept
/// turns into a follow.
/// </summary>
public sealed partial class FollowService(
    NpgsqlDataSource db, AccountStore accounts, FollowStore follows, AccountStatsStore stats, JobOutbox outbox, JobClient jobs,
    BlockStore blocks, AccountDomainBlockStore domainBlocks, FollowRequestStore requests)
{
    public const string SelfFollowError = "Following your own account is not allowed";

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")]
    private static partial Regex LanguagePattern();

    /// <summary>Returns true when a new follow was created, false when an existing one or a request was updated or a request made.</summary>
    public async Task<bool> FollowAsync(long accountId, long targetAccountId, FollowOptions options, CancellationToken ct = default)
    {
        var target = await accounts.FindVisibleAsync(targetAccountId, ct) ?? throw ApiException.NotFound();
        if (target.Id == accountId) throw ApiException.Forbidden(SelfFollowError);
        // A block either way, or a domain block of the target's domain, forbids following (Mastodon's following_not_allowed?).
        if (await blocks.AnyBetweenAsync(accountId, target.Id, ct)
            || (target.Domain is { } domain && (await domainBlocks.ListBlockedAsync(accountId, [domain.ToLowerInvariant()], ct)).Count > 0))
            throw ApiException.Forbidden();
        var languages = options.Languages?.Where(l => l.Length > 0).Distinct().ToArray();
        if (languages is not null && !languages.All(LanguagePattern().IsMatch))
            throw ApiException.Unprocessable("Validation failed: Languages is invalid");

        var setLanguages = languages is not null;
        languages = languages is { Length: > 0 } ? languages : null;
        // A remote account answers with Accept or Reject, so until then the follow is a request, as Mastodon's.
        var remote = target.Domain is not null;
        if ((target.Locked || remote) && (await follows.ListFollowingAsync(accountId, [target.Id], ct)).Count == 0)
        {
            if (await requests.UpsertAsync(accountId, target.Id, options.Reblogs, options.Notify, languages, setLanguages, ct) && !remote)
                await jobs.EnqueueAsync(new LocalNotificationJob(target.Id, accountId, "follow_request", null));
            // Sent again on a repeated follow: a Follow lost on the way is how follow state drifts.
            if (remote) await jobs.EnqueueAsync(new RelationshipActivityJob(RelationshipActivityJob.Follow, accountId, target.Id));
            return false;
        }

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var inserted = await follows.InsertAsync(conn, tx, accountId, targetAccountId, options.Reblogs, options.Notify,
            languages, setLanguages, ct);
        var staged = new List<JobOutbox.Staged>();
        if (inserted)
        {
            await stats.AddFollowAsync(conn, tx, accountId, targetAccountId, 1, ct);
            staged.Add(await outbox.StageAsync(conn, tx, new MergeJob(targetAccountId, accountId), ct));
            staged.Add(await outbox.StageAsync(conn, tx, new LocalNotificationJob(targetAccountId, accountId, "follow", null), ct));
        }
        await tx.CommitAsync(ct);

        await outbox.ReleaseAsync(staged);
        return inserted;
    }
}
