using System.Text.Json;
using System.Text.Json.Nodes;
using Fedi.Core.Configuration;
using Fedi.Core.Contracts;
using Fedi.Core.Redis;
using StackExchange.Redis;

namespace Fedi.Worker.Engine;

/// <summary>
/// Tells the world this process is alive, in Sidekiq's layout: the <c>processes</c> set, a hash named by
/// the identity (info, busy, beat, quiet) expiring after the heartbeat TTL, and the <c>:work</c> hash of
/// running jobs — so Sidekiq's web UI and API list our processes. Once the hash has expired, survivors
/// treat the process as dead and re-queue its in-progress jobs.
/// </summary>
public sealed class Heartbeat(RedisConnection redis, ProcessIdentity identity, WorkerOptions options, DatabaseOptions database, WorkState work, TimeProvider time)
{
    private readonly string _info = InfoJson(identity, options, database.PoolSize);

    /// <summary>Set once the engine stops fetching (Sidekiq's "quiet").</summary>
    public bool Quiet { get; set; }

    /// <summary>Writes one beat; returns false when the process hash had vanished since the last one
    /// (Redis lost it, or the beat came too late and survivors may have re-queued our jobs).</summary>
    public async Task<bool> BeatAsync()
    {
        var key = SidekiqKeys.Process(identity.Identity);
        var workKey = SidekiqKeys.ProcessWork(identity.Identity);
        var running = work.Snapshot();
        var transaction = redis.Database.CreateTransaction();
        var existed = transaction.KeyExistsAsync(key);
        var writes = new List<Task>
        {
            transaction.SetAddAsync(SidekiqKeys.Processes, identity.Identity),
            transaction.SetAddAsync(SidekiqKeys.InProgressOwners, identity.Identity),
            transaction.HashSetAsync(key,
            [
                new HashEntry("info", _info),
                new HashEntry("busy", running.Count),
                new HashEntry("beat", time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0),
                new HashEntry("quiet", Quiet ? "true" : "false"),
                new HashEntry("rss", Environment.WorkingSet / 1024),
            ]),
            transaction.KeyExpireAsync(key, options.HeartbeatTtl),
            transaction.KeyDeleteAsync(workKey),
        };
        if (running.Count > 0)
        {
            writes.Add(transaction.HashSetAsync(workKey, running.Select(r => new HashEntry(r.Key, r.Value)).ToArray()));
            writes.Add(transaction.KeyExpireAsync(workKey, options.HeartbeatTtl));
        }
        await transaction.ExecuteAsync();
        await Task.WhenAll(writes);
        return await existed;
    }

    /// <summary>Sidekiq's process info: what the web UI's Busy page shows.</summary>
    /// <c>db_pool</c> is Fedi's addition: this process's PostgreSQL budget, summed by <see cref="CapacityCheck"/>.
    private static string InfoJson(ProcessIdentity identity, WorkerOptions options, int dbPool)
    {
        var weights = new JsonObject();
        foreach (var (queue, weight) in options.Queues.Queues) weights[queue] = options.Queues.Strict ? 0 : weight;
        var info = new JsonObject
        {
            ["hostname"] = identity.Hostname,
            ["started_at"] = identity.StartedAt.ToUnixTimeMilliseconds() / 1000.0,
            ["pid"] = identity.Pid,
            ["tag"] = "fedi",
            ["concurrency"] = options.Concurrency,
            ["queues"] = new JsonArray(options.Queues.Names.Select(q => (JsonNode)q).ToArray()),
            ["weights"] = new JsonArray(weights),
            ["labels"] = new JsonArray("fedi-worker"),
            ["identity"] = identity.Identity,
            ["version"] = $"fedi {typeof(Heartbeat).Assembly.GetName().Version?.ToString(3)}",
            ["embedded"] = false,
            ["db_pool"] = dbPool,
        };
        return info.ToJsonString(JsonSerializerOptions.Default);
    }
}
