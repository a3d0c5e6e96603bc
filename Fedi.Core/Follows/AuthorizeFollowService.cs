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
/// removes the request; a request that does not exist is a 404.
/// </summary>
public sealed class AuthorizeFollowService(NpgsqlDataSource db, FollowRequestStore requests, FollowStore follows, AccountStatsStore stats, JobOutbox outbox)
{
    public async Task AuthorizeAsync(long targetAccountId, long requesterId, CancellationToken ct = default)
    {
        var request = await requests.DeleteAsync(requesterId, targetAccountId, ct) ?? throw ApiException.NotFound();
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var inserted = await follows.InsertAsync(conn, tx, requesterId, targetAccountId, request.ShowReblogs, request.Notify,
            request.Languages, setLanguages: true, ct);
        if (!inserted)
        {
            await tx.CommitAsync(ct);
            return;
        }
        await stats.AddFollowAsync(conn, tx, requesterId, targetAccountId, 1, ct);
        JobOutbox.Staged[] staged =
        [
            await outbox.StageAsync(conn, tx, new MergeJob(targetAccountId, requesterId), ct),
            await outbox.StageAsync(conn, tx, new LocalNotificationJob(targetAccountId, requesterId, "follow", null), ct),
        ];
        await tx.CommitAsync(ct);
        await outbox.ReleaseAsync(staged);
    }

    public async Task RejectAsync(long targetAccountId, long requesterId, CancellationToken ct = default) =>
        _ = await requests.DeleteAsync(requesterId, targetAccountId, ct) ?? throw ApiException.NotFound();
}
