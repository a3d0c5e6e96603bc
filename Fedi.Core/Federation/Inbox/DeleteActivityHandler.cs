using Fedi.Core.Accounts;
using Fedi.Core.Contracts;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Jobs;
using Fedi.Core.Statuses;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Fedi.Core.Federation.Inbox;

/// <summary>
/// Delete of a Note or Tombstone (Mastodon's ActivityPub::Activity::Delete): the actor's own remote status is
/// soft-deleted and the removal job takes it out of feeds; one not stored yet is remembered so its late Create is dropped. The delete of an actor itself is not acted on yet (its
/// account stays as it is); anything else is ignored.
/// </summary>
public sealed class DeleteActivityHandler(
    NpgsqlDataSource db, RemoteStatusStore remote, StatusStore statuses, AccountStatsStore stats, JobClient jobs, DeletedObjects deleted,
    ILogger<DeleteActivityHandler> logger) : IActivityHandler
{
    public string Type => "Delete";

    public async Task HandleAsync(InboxActivity activity, CancellationToken ct)
    {
        if (activity.ObjectId is not { } uri) return;
        if (uri == activity.ActorUri)
        {
            logger.LogDebug("Ignored the delete of actor {Actor}", uri);
            return;
        }
        await using var conn = await db.OpenConnectionAsync(ct);
        if (await remote.FindLiveIdAsync(conn, uri, activity.ActorId, ct) is not { } id)
        {
            // Not here (yet): if its Create is still on the way, it must not bring the status back.
            await deleted.RememberAsync(activity.ActorId, uri);
            return;
        }
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (!await statuses.DeleteAsync(conn, tx, id, ct)) return;
        await stats.AddStatusesAsync(conn, tx, activity.ActorId, -1, touchLastStatus: false, ct);
        await tx.CommitAsync(ct);
        await jobs.EnqueueAsync(new RemovalJob(id));
    }
}
