using System.Globalization;
using System.Text.Json.Nodes;
using Fedi.Core.Contracts;
using Fedi.Testing;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace Fedi.Worker.Tests.Support;

/// <summary>
/// The test's own view of one instance's Redis, as Sidekiq's client and API would use it: pushes raw job
/// JSON, reads the retry, dead and schedule sets, and the runs the diagnostic job recorded.
/// </summary>
public sealed class SidekiqRedis : IAsyncDisposable
{
    private readonly ConnectionMultiplexer _connection;

    private SidekiqRedis(ConnectionMultiplexer connection, string ns)
    {
        _connection = connection;
        Namespace = ns;
        Db = connection.GetDatabase().WithKeyPrefix(ns + ":");
    }

    public string Namespace { get; }

    /// <summary>Keys here are bare (queue:default), as Fedi names them; the namespace is added.</summary>
    public IDatabase Db { get; }

    public ISubscriber Subscriber => _connection.GetSubscriber();

    public static async Task<SidekiqRedis> ConnectAsync(FediCluster cluster) =>
        new(await ConnectionMultiplexer.ConnectAsync(ConnectionUrls.ParseRedis(cluster.Environment["REDIS_URL"])), cluster.RedisNamespace);

    /// <summary>A Fedi::TestJob in Sidekiq's JSON; <paramref name="edit"/> adds or changes fields.</summary>
    public static JsonObject TestJob(string key, string behaviour, string token, string queue = "default", Action<JsonObject>? edit = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        var job = new JsonObject
        {
            ["class"] = "Fedi::TestJob",
            ["args"] = new JsonArray(key, behaviour, token),
            ["retry"] = true,
            ["queue"] = queue,
            ["jid"] = NewJid(),
            ["created_at"] = now,
            ["enqueued_at"] = now,
        };
        edit?.Invoke(job);
        return job;
    }

    public static string NewJid() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..12]);

    public static string NewKey(string test) => $"diagnostics:{test}:{RandomNames.Lowercase(8)}";

    /// <summary>Sidekiq's enqueue: SADD queues + LPUSH queue:&lt;name&gt;.</summary>
    public async Task PushAsync(string queue, params string[] jobs)
    {
        await Db.SetAddAsync("queues", queue);
        await Db.ListLeftPushAsync($"queue:{queue}", jobs.Select(j => (RedisValue)j).ToArray());
    }

    public Task PushAsync(JsonObject job) => PushAsync(job["queue"]!.GetValue<string>(), job.ToJsonString());

    /// <summary>Enqueues a job of <paramref name="jobClass"/> with numeric args, as Mastodon's web tier would.</summary>
    public Task EnqueueAsync(string jobClass, params long[] args)
    {
        var job = TestJob("", "", "");
        job["class"] = jobClass;
        job["args"] = new JsonArray(args.Select(a => (JsonNode)a).ToArray());
        return PushAsync(job);
    }

    /// <summary>
    /// Waits until every job pushed to the default queue before this call has ended — when the worker runs
    /// one job at a time (WORKER_CONCURRENCY=1), by pushing a marker job and waiting for it to run.
    /// </summary>
    public async Task DrainAsync()
    {
        var key = NewKey("drain");
        await PushAsync(TestJob(key, "ok", "marker"));
        await Eventually.TrueAsync(async () => (await RunsAsync(key)).Count > 0, "the queue drained");
    }

    /// <summary>
    /// Waits until no job waits on the default queue or sits in any worker's in-progress list, so every job
    /// enqueued before this call (a follow's MergeWorker, say) has ended, whatever the worker's concurrency.
    /// </summary>
    public async Task IdleAsync() =>
        await Eventually.TrueAsync(async () =>
        {
            if (await Db.ListLengthAsync(SidekiqKeys.Queue(QueueNames.Default)) > 0) return false;
            foreach (var owner in await Db.SetMembersAsync(SidekiqKeys.InProgressOwners))
                if (await Db.ListLengthAsync(SidekiqKeys.InProgress(owner.ToString())) > 0) return false;
            return true;
        }, "no job is queued or running");

    /// <summary>The status ids in a home feed, newest first.</summary>
    public async Task<IReadOnlyList<long>> HomeFeedAsync(long accountId) =>
        (await Db.SortedSetRangeByRankAsync($"feed:home:{accountId}", order: Order.Descending)).Select(v => (long)v).ToList();

    /// <summary>Makes the feed exist, as reading the home timeline once would (a placeholder entry, id 1).</summary>
    public Task SeedHomeFeedAsync(long accountId) => Db.SortedSetAddAsync($"feed:home:{accountId}", 1, 1);

    /// <summary>Marks a home stream as listened to, as the streaming tier does for an open connection.</summary>
    public Task ListenAsync(long accountId) => Db.StringSetAsync($"subscribed:timeline:{accountId}", "1", TimeSpan.FromMinutes(5));

    /// <summary>What the diagnostic job recorded under <paramref name="key"/>, in order.</summary>
    public async Task<IReadOnlyList<Run>> RunsAsync(string key)
    {
        var values = await Db.ListRangeAsync(key);
        return values.Select(v => Run.Parse(v!)).ToList();
    }

    /// <summary>The entry of a sorted set (retry, dead, schedule) holding job <paramref name="jid"/>, with its score.</summary>
    public async Task<(JsonObject Job, double Score)?> FindInSetAsync(string set, string jid)
    {
        foreach (var entry in await Db.SortedSetRangeByRankWithScoresAsync(set))
        {
            var text = (string)entry.Element!;
            if (!text.Contains(jid, StringComparison.Ordinal)) continue; // other tests' entries, garbage included
            if (JsonNode.Parse(text) is JsonObject job && job["jid"]?.GetValue<string>() == jid)
                return (job, entry.Score);
        }
        return null;
    }

    /// <summary>Waits until job <paramref name="jid"/> is in <paramref name="set"/> (retry, dead, schedule).</summary>
    public async Task<(JsonObject Job, double Score)> WaitInSetAsync(string set, string jid)
    {
        var found = await Eventually.ValueAsync(async () => await FindInSetAsync(set, jid) is { } e ? Tuple.Create(e.Job, e.Score) : null,
            $"job {jid} is in {set}");
        return (found.Item1, found.Item2);
    }

    /// <summary>The raw text of the entry holding <paramref name="jid"/> (to check numbers kept their exact text).</summary>
    public async Task<string?> FindRawInSetAsync(string set, string jid) =>
        (await Db.SortedSetRangeByRankAsync(set)).Select(v => (string)v!).FirstOrDefault(v => v.Contains(jid, StringComparison.Ordinal));

    public async ValueTask DisposeAsync() => await _connection.CloseAsync();
}

/// <summary>One run of the diagnostic job: its token, the worker's pid, and when (unix ms, worker's clock).</summary>
public sealed record Run(string Token, int Pid, long At)
{
    public static Run Parse(string value)
    {
        var parts = value.Split('|');
        return new Run(parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture));
    }
}
