using Fedi.Core.Accounts;
using Fedi.Core.Configuration;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Errors;
using Fedi.Core.Jobs;
using Fedi.Core.Statuses;
using Npgsql;

namespace Fedi.Core.Interactions;

/// <summary>
/// Mastodon's ReblogService: a status row wrapping the original, counted on the original and the booster,
/// then fanned out to the booster's followers by the worker (DistributionWorker), as a new post is, and announced to the
/// remote ones (ActivityPub::DistributionWorker: an Announce, and an Undo of it when the reblog is taken back).
/// </summary>
public sealed class ReblogService(
    NpgsqlDataSource db, VisibleStatuses visible, ReblogStore reblogs, StatusStore statuses, StatusStatsStore stats,
    AccountStatsStore accountStats, AccountStore accounts, JobOutbox outbox, InstanceOptions instance)
{
    /// <summary>
    /// The reblog (an existing one when the account already reblogged the original). Private statuses can only be
    /// reblogged by their author (the reblog stays private), direct ones never (Mastodon's StatusPolicy#reblog?).
    /// </summary>
    public Task<Status> ReblogAsync(long accountId, long statusId, StatusVisibility? visibility, long? applicationId, CancellationToken ct = default) =>
        ReblogAsync(accountId, statusId, visibility, applicationId, uri: null, ct);

    /// <summary>As above, with the reblog's ActivityPub <paramref name="uri"/> given (a remote Announce's id) rather than made here.</summary>
    public async Task<Status> ReblogAsync(
        long accountId, long statusId, StatusVisibility? visibility, long? applicationId, string? uri, CancellationToken ct = default)
    {
        var original = await visible.FindProperAsync(statusId, accountId, ct);
        if (original.Visibility == StatusVisibility.Direct || (original.Visibility == StatusVisibility.Private && original.AccountId != accountId))
            throw ApiException.Forbidden();
        if (await reblogs.FindAsync(accountId, original.Id, ct) is { } existing) return existing;
        var booster = await accounts.FindAsync(accountId, ct) ?? throw ApiException.NotFound();

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var id = await statuses.NextIdAsync(conn, tx, ct);
        var reblog = await reblogs.InsertAsync(conn, tx, new Status
        {
            Id = id,
            Uri = uri ?? $"{instance.WebBaseUrl}/users/{booster.Username}/statuses/{id}/activity",
            Visibility = original.Visibility == StatusVisibility.Private ? StatusVisibility.Private : visibility ?? StatusVisibility.Public,
            ReblogOfId = original.Id,
            AccountId = accountId,
            ApplicationId = applicationId,
            Local = booster.Domain is null,
        }, ct);
        if (reblog is null)
        {
            await tx.RollbackAsync(ct);
            return await reblogs.FindAsync(accountId, original.Id, ct) ?? throw ApiException.NotFound(); // a concurrent reblog won
        }
        await stats.AddAsync(conn, tx, original.Id, StatusCounter.Reblogs, 1, ct);
        await accountStats.AddStatusesAsync(conn, tx, accountId, 1, touchLastStatus: true, ct);
        List<JobOutbox.Staged> staged =
        [
            await outbox.StageAsync(conn, tx, new DistributionJob(reblog.Id), ct),
            await outbox.StageAsync(conn, tx, new LocalNotificationJob(original.AccountId, accountId, "reblog", original.Id), ct),
        ];
        if (reblog.Local) staged.Add(await outbox.StageAsync(conn, tx, new ActivityPubDistributionJob(reblog.Id), ct));
        await tx.CommitAsync(ct);

        await outbox.ReleaseAsync(staged);
        return reblog;
    }

    /// <summary>Takes the account's reblog back (the worker removes it from feeds); the original, which is returned, stays.</summary>
    public async Task<Status> UnreblogAsync(long accountId, long statusId, CancellationToken ct = default)
    {
        var original = await visible.FindProperAsync(statusId, accountId, ct);
        if (await reblogs.FindAsync(accountId, original.Id, ct) is not { } reblog) return original;

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (await statuses.DeleteAsync(conn, tx, reblog.Id, ct))
        {
            await stats.AddAsync(conn, tx, original.Id, StatusCounter.Reblogs, -1, ct);
            await accountStats.AddStatusesAsync(conn, tx, accountId, -1, touchLastStatus: false, ct);
        }
        List<JobOutbox.Staged> staged = [await outbox.StageAsync(conn, tx, new RemovalJob(reblog.Id), ct)];
        if (reblog.Local)
            staged.Add(await outbox.StageAsync(conn, tx, new ActivityPubDistributionJob(reblog.Id, ActivityPubDistributionJob.Delete), ct));
        await tx.CommitAsync(ct);

        await outbox.ReleaseAsync(staged);
        return original;
    }
}
