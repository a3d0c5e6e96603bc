using Fedi.Core.Accounts;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Errors;
using Fedi.Core.Jobs;
using Npgsql;

namespace Fedi.Core.Follows;

/// <summary>
/// Answers a follow request (Mastodon's AuthorizeFollowService and RejectFollowService). Authorizing turns the
/// request into a follow with the options it carried, with a follow's side effects: both counters, the merge into
/// the follower's home feed, and a <c>follow</c> notification to the account that authorized. Either answer
/// removes the request; a request that does not exist is a 404. A remote requester is sent the Accept or Reject of its Follow.
/// </summary>
public sealed class AuthorizeFollowService(
    NpgsqlDataSource db, FollowRequestStore requests, FollowStore follows, AccountStatsStore stats, JobOutbox outbox, AccountStore accounts)
{
    public async Task AuthorizeAsync(long targetAccountId, long requesterId, CancellationToken ct = default)
    {
        var request = await requests.DeleteAsync(requesterId, targetAccountId, ct) ?? throw ApiException.NotFound();
        var remote = await IsRemoteAsync(requesterId, ct);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var inserted = await follows.InsertAsync(conn, tx, requesterId, targetAccountId, request.ShowReblogs, request.Notify,
            request.Languages, setLanguages: true, ct);
        var staged = new List<JobOutbox.Staged>();
        if (inserted)
        {
            await stats.AddFollowAsync(conn, tx, requesterId, targetAccountId, 1, ct);
            staged.Add(await outbox.StageAsync(conn, tx, new MergeJob(targetAccountId, requesterId), ct));
            staged.Add(await outbox.StageAsync(conn, tx, new LocalNotificationJob(targetAccountId, requesterId, "follow", null), ct));
        }
        if (remote) staged.Add(await outbox.StageAsync(conn, tx, Answer(RelationshipActivityJob.Accept, targetAccountId, request), ct));
        await tx.CommitAsync(ct);
        await outbox.ReleaseAsync(staged);
    }

    public async Task RejectAsync(long targetAccountId, long requesterId, CancellationToken ct = default)
    {
        var request = await requests.DeleteAsync(requesterId, targetAccountId, ct) ?? throw ApiException.NotFound();
        if (await IsRemoteAsync(requesterId, ct))
        {
            await using var conn = await db.OpenConnectionAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            var staged = await outbox.StageAsync(conn, tx, Answer(RelationshipActivityJob.Reject, targetAccountId, request), ct);
            await tx.CommitAsync(ct);
            await outbox.ReleaseAsync(staged);
        }
    }

    private async Task<bool> IsRemoteAsync(long accountId, CancellationToken ct) => await accounts.FindAsync(accountId, ct) is { Domain: not null };

    private static RelationshipActivityJob Answer(string activity, long targetAccountId, Follow request) =>
        new(activity, targetAccountId, request.AccountId, request.Uri);
}
