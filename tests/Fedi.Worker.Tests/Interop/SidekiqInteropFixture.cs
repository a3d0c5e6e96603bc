using System.Text.Json.Nodes;
using Fedi.Core.Contracts;
using Fedi.Testing;
using Fedi.Worker.Tests.Support;
using StackExchange.Redis;

namespace Fedi.Worker.Tests.Interop;

/// <summary>
/// An instance on a Redis of its own with NO namespace, so that Sidekiq's Ruby API, which knows nothing of
/// prefixes, reads exactly the keys Fedi writes. The web tier posts one status before the worker starts, so
/// Sidekiq sees the DistributionWorker job Fedi enqueued (<see cref="BeforeWorker"/>); then one worker runs.
/// Tests count the executions they cause, so Sidekiq's processed/failed totals can be checked exactly.
/// </summary>
public abstract class SidekiqInteropFixture
{
    public const int Concurrency = 5;

    private TestRedis? _redis;
    private FediCluster? _cluster;
    private ConnectionMultiplexer? _connection;
    private long _processed;
    private long _failed;

    protected FediCluster Cluster => _cluster!;
    protected SidekiqApi Sidekiq { get; private set; } = null!;

    /// <summary>Bare keys, exactly as Sidekiq names them.</summary>
    protected IDatabase Db { get; private set; } = null!;

    /// <summary>What Sidekiq read with only the web tier running, after one status was posted.</summary>
    protected JsonObject BeforeWorker { get; private set; } = null!;

    protected long PostedStatusId { get; private set; }
    protected DateTimeOffset PostedAt { get; private set; }

    /// <summary>Executions (and failed ones) that every test so far caused, which Sidekiq's stats must show.</summary>
    protected long ProcessedSoFar => Interlocked.Read(ref _processed);
    protected long FailedSoFar => Interlocked.Read(ref _failed);

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (!await SidekiqApi.IsInstalledAsync())
            Assert.Fail("Sidekiq's Ruby API is not installed: apt-get install -y ruby-sidekiq (.ci/run does it).");
        _redis = await TestRedis.StartOwnAsync();
        _connection = await _redis.ConnectAsync();
        Db = _connection.GetDatabase();
        Sidekiq = new SidekiqApi(_redis.Url);
        var settings = new Dictionary<string, string>(Servers.WorkerSettings)
        {
            ["REDIS_NAMESPACE"] = "", // unset: Sidekiq sees the same keys
            ["WORKER_CONCURRENCY"] = Concurrency.ToString(),
            // Only the tests' own jobs run, so processed/failed stay exact: the maintenance schedule's jobs
            // (processes-cleanup every minute) wait on the scheduler queue, which this worker does not fetch.
            ["WORKER_QUEUES"] = "default",
        };
        _cluster = await FediCluster.StartAsync(Servers.Postgres, _redis, new FediClusterOptions
        {
            Tiers = FediTiers.Web, ExtraEnvironment = settings, DatabasePrefix = "fedi_interop",
        });

        var author = await _cluster.Users.SignUpAsync();
        PostedAt = DateTimeOffset.UtcNow;
        var posted = await author.Client.PostFormAsync("/api/v1/statuses", [new("status", "hello sidekiq")]);
        Assert.That(posted.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), posted.Body);
        PostedStatusId = long.Parse(posted.Json!["id"]!.GetValue<string>());
        BeforeWorker = await Sidekiq.InspectAsync();

        await _cluster.StartWorkerAsync();
        Counted(processed: 1); // the DistributionWorker
        await Eventually.TrueAsync(async () => await Db.ListLengthAsync(SidekiqKeys.Queue("default")) == 0, "the worker took the status's job");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
        if (_connection is not null) await _connection.CloseAsync();
        if (_redis is not null) await _redis.DisposeAsync();
    }

    protected int WorkerPid => Cluster.Worker!.Id;

    /// <summary>Records executions this test caused (after they happened).</summary>
    protected void Counted(int processed, int failed = 0)
    {
        Interlocked.Add(ref _processed, processed);
        Interlocked.Add(ref _failed, failed);
    }

    /// <summary>A Fedi::TestJob as Fedi's JobClient writes it (JobPayload), pushed as JobClient pushes.</summary>
    protected async Task<JobPayload> PushFromFediAsync(string key, string behaviour, string token, string queue = "default")
    {
        var job = JobPayload.Create("Fedi::TestJob", queue, [key, behaviour, token]);
        await Db.SetAddAsync(SidekiqKeys.Queues, queue);
        await Db.ListLeftPushAsync(SidekiqKeys.Queue(queue), job.ToJson());
        return job;
    }

    protected static string NewKey(string test) => SidekiqRedis.NewKey($"interop:{test}");

    /// <summary>Waits for <paramref name="count"/> runs recorded under <paramref name="key"/> and returns them.</summary>
    protected async Task<IReadOnlyList<Run>> WaitForRunsAsync(string key, int count)
    {
        await Eventually.TrueAsync(async () => await Db.ListLengthAsync(key) >= count, $"{count} run(s) under {key}");
        return (await Db.ListRangeAsync(key)).Select(v => Run.Parse(v!)).ToList();
    }

    /// <summary>Waits until the sorted set <paramref name="set"/> (retry, schedule, dead) holds job <paramref name="jid"/>.</summary>
    protected Task WaitInSetAsync(string set, string jid) =>
        Eventually.TrueAsync(async () => (await Db.SortedSetRangeByRankAsync(set)).Any(v => ((string)v!).Contains(jid, StringComparison.Ordinal)),
            $"job {jid} is in {set}");

    /// <summary>Waits until the worker flushed its counters up to what the tests caused so far.</summary>
    protected Task WaitForStatsFlushAsync(long processed, long failed) =>
        Eventually.TrueAsync(async () =>
            (long?)await Db.StringGetAsync(SidekiqKeys.StatProcessed) == processed
            && ((long?)await Db.StringGetAsync(SidekiqKeys.StatFailed) ?? 0) == failed,
            $"stat:processed = {processed} and stat:failed = {failed}");

    /// <summary>The entry of job <paramref name="jid"/> in one of inspect.rb's lists.</summary>
    protected static JsonObject Entry(JsonObject inspected, string list, string jid) =>
        inspected[list]!.AsArray().OfType<JsonObject>().SingleOrDefault(e => e["jid"]?.GetValue<string>() == jid)
        ?? throw new AssertionException($"Sidekiq's {list} has no job {jid}: {inspected[list]}");

    protected static double Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
}
