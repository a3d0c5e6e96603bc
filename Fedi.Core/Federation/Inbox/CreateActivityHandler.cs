using Fedi.Core.Accounts;
using Fedi.Core.Contracts;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Jobs;
using Npgsql;

namespace Fedi.Core.Federation.Inbox;

/// <summary>
/// Create{Note} (Mastodon's ActivityPub::Activity::Create): stored only when someone here follows the actor, then
/// fanned out to those followers' home feeds by the distribution job. Other objects, and repeats, are ignored.
/// </summary>
public sealed class CreateActivityHandler(
    NpgsqlDataSource db, RemoteNoteParser parser, RemoteStatusStore statuses, AccountStatsStore stats, InboxStore store, JobClient jobs)
    : IActivityHandler
{
    public string Type => "Create";

    public async Task HandleAsync(InboxActivity activity, CancellationToken ct)
    {
        if (activity.ObjectType != "Note") return;
        if (parser.Parse(activity.Object, activity.ActorId, activity.ActorUri) is not { } status) return;
        if (!await store.HasLocalFollowersAsync(activity.ActorId, ct)) return;

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var id = await statuses.InsertAsync(conn, tx, status, ct);
        if (id is null) return;
        await stats.AddStatusesAsync(conn, tx, activity.ActorId, 1, touchLastStatus: true, ct);
        await tx.CommitAsync(ct);
        await jobs.EnqueueAsync(new DistributionJob(id.Value));
    }
}
