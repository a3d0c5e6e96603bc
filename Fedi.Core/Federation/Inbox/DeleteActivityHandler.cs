using Fedi.Core.Accounts;
using Fedi.Core.Contracts;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Jobs;
using Fedi.Core.Statuses;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Fedi.Core.Federation.Inbox;

/// <summary>
/// Delete (Mastodon's ActivityPub::Activity::Delete): of a Note or Tombstone, the actor's own remote status is
/// soft-deleted and the removal job takes it out of feeds, and one not stored yet is remembered so its late Create is
/// dropped; of the actor itself, the remote account and all it made are removed.
/// </summary>
public sealed class DeleteActivityHandler(
    NpgsqlDataSource db, RemoteStatusStore remote, StatusStore statuses, AccountStatsStore stats, JobClient jobs, DeletedObjects deleted,
    DeleteRemoteAccountService deleteAccount, ILogger<DeleteActivityHandler> logger) : IActivityHandler
{
    public string Type => "Delete";

    public async Task HandleAsync(InboxActivity activity, CancellationToken ct)
    {
        if (activity.ObjectId is not { } uri) return;
        if (uri == activity.ActorUri)
        {
            await deleteAccount.DeleteAsync(activity.ActorId, ct);
            logger.LogInformation("Removed remote account {Actor}, deleted by its server", uri);
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
