using Fedi.Core.Configuration;

namespace Fedi.Worker.Engine;

/// <summary>How the job engine of this process runs; read once at start from the environment.</summary>
public sealed record WorkerOptions
{
    /// <summary>WORKER_CONCURRENCY: jobs run at once by this process (Sidekiq's -c).</summary>
    public int Concurrency { get; init; } = 10;

    /// <summary>WORKER_QUEUES: the queues fetched, weighted (default:8,push:6) or in strict order (push,pull);
    /// Mastodon's weights by default.</summary>
    public QueuePlan Queues { get; init; } = QueuePlan.Default;

    /// <summary>
    /// WORKER_HEARTBEAT_TTL (seconds, default 60 as Sidekiq): how long the process hash outlives the last
    /// heartbeat. Once it has expired the process counts as dead and survivors re-queue its jobs. Tests set
    /// it to a few seconds so that recovery after kill -9 happens within the test.
    /// </summary>
    public TimeSpan HeartbeatTtl { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>WORKER_LEADER_TTL (seconds, default 30): lease of the maintenance leader; when it dies another
    /// process takes over within this time. Tests set a few seconds.</summary>
    public TimeSpan LeaderTtl { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>FEDI_ENABLE_DIAGNOSTIC_JOBS: registers the test-only job classes (never in production).</summary>
    public bool DiagnosticJobs { get; init; }

    /// <summary>Beats well inside the TTL: every 5 s, more often when the TTL is short.</summary>
    public TimeSpan HeartbeatInterval => TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(5).Ticks, HeartbeatTtl.Ticks / 3));

    /// <summary>How often to look for dead processes: every 15 s, more often when the TTL is short.</summary>
    public TimeSpan RecoveryInterval => TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(15).Ticks, HeartbeatTtl.Ticks / 2));

    /// <summary>Average interval of the schedule/retry poller (each wait is jittered ±50%).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Fewest jobs fetched ahead of a free executor, so fast jobs never wait for a round trip. How many more
    /// depends on how fast jobs finish: no more than executors start within <see cref="PrefetchHorizon"/>, so
    /// slow jobs leave the rest of the queue to other processes while sub-millisecond ones come in big batches.
    /// </summary>
    public int Prefetch => Math.Max(1, Concurrency / 5);

    /// <summary>Jobs wait at most about this long in this process's buffer before an executor takes them.</summary>
    public static readonly TimeSpan PrefetchHorizon = TimeSpan.FromMilliseconds(5);

    /// <summary>Most jobs taken from Redis in one fetch round trip (and most jobs fetched ahead).</summary>
    public const int MaxFetch = 500;

    /// <summary>Most fetched jobs waiting for an executor.</summary>
    public int BufferSize => Concurrency + MaxFetch;

    /// <summary>The one place the worker reads its WORKER_* settings.</summary>
    public static WorkerOptions From(EnvironmentSettings env) => new()
    {
        Concurrency = ConcurrencyFrom(env),
        Queues = QueuePlan.Parse(env.Optional("WORKER_QUEUES")),
        HeartbeatTtl = TimeSpan.FromSeconds(env.Int("WORKER_HEARTBEAT_TTL", 60, min: 2, max: 3600)),
        LeaderTtl = TimeSpan.FromSeconds(env.Int("WORKER_LEADER_TTL", 30, min: 2, max: 3600)),
        DiagnosticJobs = env.Bool("FEDI_ENABLE_DIAGNOSTIC_JOBS", false),
    };

    /// <summary>Read on its own too: the PostgreSQL pool is sized by it before the rest is read.</summary>
    public static int ConcurrencyFrom(EnvironmentSettings env) => env.Int("WORKER_CONCURRENCY", 10, min: 1, max: 1000);
}
