namespace Fedi.Core.Contracts;

/// <summary>
/// Job-engine keys in Sidekiq's layout, so Sidekiq's own tools read and write our queues.
/// Written by whoever enqueues (web, worker) and by the worker engine; read by the worker engine.
/// </summary>
public static class SidekiqKeys
{
    /// <summary>List of job JSON; enqueue = LPUSH, fetch from the right.</summary>
    public static string Queue(string name) => $"queue:{name}";

    /// <summary>Set of every queue name ever enqueued to.</summary>
    public const string Queues = "queues";

    /// <summary>Sorted sets of job JSON scored by epoch seconds: run at / retry at / died at.</summary>
    public const string Schedule = "schedule";
    public const string Retry = "retry";
    public const string Dead = "dead";

    public const string StatProcessed = "stat:processed";
    public const string StatFailed = "stat:failed";
    public static string StatProcessedOn(DateOnly day) => $"stat:processed:{day:yyyy-MM-dd}";
    public static string StatFailedOn(DateOnly day) => $"stat:failed:{day:yyyy-MM-dd}";

    /// <summary>Set of live process identities; each has a hash (info, busy, beat) expiring after 60 s.</summary>
    public const string Processes = "processes";
    public static string Process(string identity) => identity;
    public static string ProcessWork(string identity) => $"{identity}:work";

    /// <summary>Fedi's addition: list of the jobs a process has fetched and not yet finished, so that
    /// a job survives its process dying. Re-queued by survivors once the owner's heartbeat is gone.</summary>
    public static string InProgress(string identity) => $"inprogress:{identity}";

    /// <summary>Fedi's addition: set of process identities that may own an <see cref="InProgress"/> list.
    /// Added by each worker with its heartbeat, removed with the list once it has been re-queued. Survivors
    /// look here as well as in <see cref="Processes"/>, because Sidekiq's own tools prune dead processes
    /// from that set without knowing about their in-progress lists.</summary>
    public const string InProgressOwners = "inprogress_owners";

    /// <summary>Fedi's addition (sidekiq-unique-jobs' until_executed): string holding the jid of the one job with
    /// this <c>unique_digest</c> that is enqueued, scheduled or running. Set NX by <c>JobClient.EnqueueUniqueAsync</c>
    /// with EX = the job's <c>unique_for</c> seconds; deleted by the worker when the job succeeds, dies or is
    /// discarded (kept while it waits for a retry). The TTL frees it if the job is lost.</summary>
    public static string UniqueJob(string digest) => $"unique:{digest}";
}
