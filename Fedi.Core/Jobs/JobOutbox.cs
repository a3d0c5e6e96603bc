using Fedi.Core.Contracts;
using Fedi.Core.Contracts.Jobs;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Fedi.Core.Jobs;

/// <summary>
/// Jobs that must not be lost when Redis is away or the process dies right after a commit: staged as rows in
/// the change's own transaction (<see cref="StageAsync{TJob}"/>), pushed to Redis after the commit
/// (<see cref="ReleaseAsync"/>). A push that fails leaves its row for the worker's outbox relay, which pushes
/// it later — so a job may run twice (every job is idempotent), never zero times.
/// </summary>
public sealed class JobOutbox(JobOutboxStore store, JobClient jobs, ILogger<JobOutbox> logger)
{
    /// <summary>A job written to the outbox, not yet pushed.</summary>
    public sealed record Staged(long Id, JobPayload Payload);

    public async Task<Staged> StageAsync<TJob>(NpgsqlConnection connection, NpgsqlTransaction transaction, TJob job, CancellationToken ct)
        where TJob : IJob<TJob>
    {
        var payload = job.ToPayload();
        var id = await store.InsertAsync(connection, transaction, payload.Queue, payload.ToJson(), ct);
        return new Staged(id, payload);
    }

    /// <summary>Pushes committed jobs and removes their rows. Never throws: the change is committed, and a job
    /// that did not get through waits in the outbox for the relay.</summary>
    public async Task ReleaseAsync(params IReadOnlyCollection<Staged> staged)
    {
        if (staged.Count == 0) return;
        try
        {
            foreach (var group in staged.GroupBy(s => s.Payload.Queue))
                await jobs.EnqueueSerializedAsync(group.Key, group.Select(s => s.Payload.ToJson()).ToArray());
            await store.DeleteAsync(staged.Select(s => s.Id).ToArray(), CancellationToken.None);
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException or NpgsqlException or ObjectDisposedException)
        {
            logger.LogWarning(e, "{Count} job(s) left in the outbox for the relay: {Error}", staged.Count, e.Message);
        }
    }
}
