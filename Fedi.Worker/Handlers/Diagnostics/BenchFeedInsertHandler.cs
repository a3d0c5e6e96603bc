using System.Text.Json;
using Fedi.Core.Jobs;
using Fedi.Core.Redis;
using Fedi.Worker.Engine;
using StackExchange.Redis;

namespace Fedi.Worker.Handlers.Diagnostics;

/// <summary>
/// <c>Fedi::BenchFeedInsert</c> [key, id]: the Redis work of a home-feed insert — ZADD id (score id) to the
/// sorted set <c>key</c>, then trim it to its newest 800 — both in one pipelined round trip, exactly as its
/// Sidekiq twin in <c>tests/interop/bench_workers.rb</c> does. The key must start with "diagnostics:".
/// Registered only with FEDI_ENABLE_DIAGNOSTIC_JOBS=true.
/// </summary>
public sealed class BenchFeedInsertHandler(RedisConnection redis) : IJobHandler
{
    public const string Class = "Fedi::BenchFeedInsert";
    public const int MaxItems = 800;

    public string JobClass => Class;

    public async Task PerformAsync(JsonElement args, CancellationToken ct)
    {
        var key = JobArgs.String(args, 0);
        if (!key.StartsWith(TestJobHandler.KeyPrefix, StringComparison.Ordinal))
            throw new PermanentJobException($"key must start with '{TestJobHandler.KeyPrefix}'");
        var id = JobArgs.Id(args, 1);
        var batch = redis.Database.CreateBatch();
        var added = batch.SortedSetAddAsync(key, id, id);
        var trimmed = batch.SortedSetRemoveRangeByRankAsync(key, 0, -MaxItems - 1);
        batch.Execute();
        await Task.WhenAll(added, trimmed);
    }
}
