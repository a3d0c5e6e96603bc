using Fedi.Core.Jobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Fedi.Worker.Engine;

/// <summary>
/// Pushes the jobs the web tier staged in <c>job_outbox</c> but could not push itself (Redis was away, or the
/// process died between its commit and its push). Only rows older than <see cref="Grace"/> are taken, so the
/// web tier's own push after a commit normally wins and the relay touches nothing. Rows are locked with SKIP
/// LOCKED and deleted in the transaction that read them, after their push: any number of workers may relay,
/// and a worker that dies mid-batch leaves the rows to the next one (the job may then run twice, never zero times).
/// </summary>
public sealed class OutboxRelay(NpgsqlDataSource db, JobOutboxStore store, JobClient jobs, ILogger<OutboxRelay> logger) : BackgroundService
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                while (await RelayBatchAsync(stoppingToken) == Batch) { }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Redis or PostgreSQL away: the rows stay, the next tick tries again.
                logger.LogWarning("Job outbox relay paused: {Error}", e.Message);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>Pushes one batch of stale rows and deletes them; returns how many it pushed.</summary>
    public async Task<int> RelayBatchAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var rows = await store.LockStaleAsync(connection, transaction, Grace, Batch, ct);
        if (rows.Count == 0) return 0;
        foreach (var queue in rows.GroupBy(r => r.Queue))
            await jobs.EnqueueSerializedAsync(queue.Key, queue.Select(r => r.Payload).ToArray());
        await store.DeleteAsync(connection, transaction, rows.Select(r => r.Id).ToArray(), ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Job outbox relay pushed {Count} job(s) left behind by a failed push", rows.Count);
        return rows.Count;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
