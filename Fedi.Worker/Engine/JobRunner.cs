using System.Diagnostics;
using Fedi.Core.Contracts.Jobs;
using Microsoft.Extensions.Logging;

namespace Fedi.Worker.Engine;

/// <summary>
/// Runs one fetched job to its end: resolves the handler by "class", runs it, and settles the outcome —
/// done, retry, dead or discarded — or leaves it in progress when shutdown interrupted it.
/// </summary>
public sealed class JobRunner(
    IEnumerable<IJobHandler> handlers,
    ReliableFetch fetch,
    JobSettler settler,
    CompletedJobs completed,
    WorkState work,
    JobStats stats,
    UniqueJobs unique,
    TimeProvider time,
    ILogger<JobRunner> logger)
{
    /// <summary>error_class of a job whose class no handler in this worker knows.</summary>
    public const string UnknownJobClass = "Fedi::UnknownJobClass";

    private static readonly JobClassMetrics Unknown = new(JobMetrics.UnknownClass);

    private readonly Dictionary<string, (IJobHandler Handler, JobClassMetrics Metrics)> _handlers =
        handlers.ToDictionary(h => h.JobClass, h => (h, new JobClassMetrics(h.JobClass)), StringComparer.Ordinal);

    public IReadOnlyCollection<string> JobClasses => _handlers.Keys;

    /// <summary>Runs the job in executor <paramref name="slot"/>'s name (its entry in the work hash).</summary>
    public async Task RunAsync(FetchedJob fetched, int slot, CancellationToken abort)
    {
        if (!JobFields.TryParse(fetched.Raw, out var job))
        {
            logger.UnreadableJob(fetched.Queue, fetched.Raw.Length > 500 ? fetched.Raw[..500] : fetched.Raw);
            stats.Record(failed: true);
            await BuryAsync(fetched);
            return;
        }
        using var _ = job;

        var known = _handlers.TryGetValue(job.Class, out var registered);
        var metrics = known ? registered.Metrics : Unknown;
        work.Start(slot, fetched, time.GetUtcNow());
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (!known)
            {
                await FailAsync(fetched, metrics, UnknownJobClass, $"no handler for job class '{job.Class}' in this worker", permanent: true, null);
                return;
            }
            var handler = registered.Handler;
            try
            {
                await handler.PerformAsync(job.Args, abort);
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
                // Shutdown: not a failure. The job stays in the in-progress list and is pushed back.
                logger.JobInterrupted(job.Class, job.Jid, fetched.Queue);
                return;
            }
            catch (Exception e)
            {
                await FailAsync(fetched, metrics, ErrorClass(e), e.Message, permanent: e is PermanentJobException, handler.Retry);
                return;
            }
            stats.Record(failed: false);
            metrics.Processed.Inc();
            // Not awaited: successes leave the in-progress list in batches.
            var digest = job.UniqueDigest;
            completed.Add(fetched, digest, digest is null ? "" : job.Jid);
        }
        finally
        {
            work.Finish(slot);
            metrics.Duration.Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    /// <summary>A job that cannot even be read goes to the dead set exactly as it came.</summary>
    private Task BuryAsync(FetchedJob fetched) =>
        Settle(fetched, "unreadable", "", () => settler.BuryUnreadableAsync(fetched, time.GetUtcNow()));

    private async Task FailAsync(FetchedJob fetched, JobClassMetrics metrics, string errorClass, string message, bool permanent, JobRetry? rule)
    {
        // Only now the job becomes a mutable DOM: the failure fields are added to it.
        if (JobMessage.TryParse(fetched.Raw) is not { } job)
        {
            stats.Record(failed: true);
            await BuryAsync(fetched);
            return;
        }
        var now = time.GetUtcNow();
        var decision = RetryPolicy.Decide(job, errorClass, message, permanent, now, Random.Shared, rule);
        if (decision.Outcome == FailureOutcome.Retry)
            logger.JobRetrying(job.Class, job.Jid, errorClass, message, decision.RetryCount, decision.At - now.ToUnixTimeMilliseconds() / 1000.0);
        else
            logger.JobDied(job.Class, job.Jid, errorClass, message, decision.RetryCount, decision.Outcome);
        stats.Record(failed: true);
        metrics.Processed.Inc();
        JobMetrics.Failed.WithLabels(metrics.Label, decision.Outcome.ToString().ToLowerInvariant()).Inc();
        await Settle(fetched, job.Class, job.Jid, () => settler.SettleAsync(fetched, decision));
        if (decision.Outcome != FailureOutcome.Retry) await unique.ReleaseAsync(job);
    }

    /// <summary>If Redis refuses the write, the job stays in the in-progress list, no longer held: the fetch
    /// loop's reclaim (or a restart) puts it back on its queue and it runs again rather than being lost.</summary>
    private async Task Settle(FetchedJob fetched, string jobClass, string jid, Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            logger.SettleFailed(e, jobClass, jid);
            fetch.MarkForReclaim();
        }
        finally
        {
            fetch.Release(fetched);
        }
    }

    /// <summary>Sidekiq records the exception's class name; ours is the .NET type's full name.</summary>
    private static string ErrorClass(Exception e) => e.GetType().FullName ?? e.GetType().Name;
}
