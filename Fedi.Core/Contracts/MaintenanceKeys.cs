namespace Fedi.Core.Contracts;

/// <summary>
/// Keys of the built-in maintenance schedule. Written by the worker (the leader and whichever process runs a
/// task) and by the admin CLI (<c>maintenance run</c>); read by the CLI and every worker.
/// </summary>
public static class MaintenanceKeys
{
    /// <summary>String holding the identity of the worker process that schedules maintenance, set NX with a
    /// TTL (WORKER_LEADER_TTL, default 30 s) that the leader renews every third of it. When the leader dies the
    /// key expires and another process takes it.</summary>
    public const string Leader = "maintenance:leader";

    /// <summary>Hash task name → cron expression, for tasks whose time is picked at random once per deployment
    /// (feeds-vacuum at a random minute 03:00–05:59, as Mastodon's VacuumScheduler). Written HSETNX by the
    /// first process that needs it; never expires, so the time stays stable across restarts.</summary>
    public const string Crons = "maintenance:crons";

    /// <summary>Hash per task: <c>next_at</c> (epoch seconds the leader enqueues it next), <c>last_run_at</c>
    /// (epoch seconds the last run started), <c>duration_ms</c>, <c>outcome</c> ("ok" or "error: message")
    /// and <c>ran_by</c> (process identity). No TTL.</summary>
    public static string Task(string name) => $"maintenance:task:{name}";
}
