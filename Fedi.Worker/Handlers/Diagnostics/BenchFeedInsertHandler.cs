using System.Text.Json;
using Fedi.Core.Feeds;
using Fedi.Core.Jobs;
using Fedi.Worker.Engine;

namespace Fedi.Worker.Handlers.Diagnostics;

/// <summary>
/// <c>Fedi::BenchFeedInsert</c> [key, id]: a home-feed insert as the fan-out's merge and rebuild do it
/// (<see cref="FeedManager.AddToFeedAsync"/>: ZADD id with score id, then trim to the newest 800, pipelined), the
/// same Redis work as its Sidekiq twin in <c>tests/interop/bench_workers.rb</c>. The key must start with
/// "diagnostics:". Registered only with FEDI_ENABLE_DIAGNOSTIC_JOBS=true.
/// </summary>
public sealed class BenchFeedInsertHandler(FeedManager feeds) : IJobHandler
{
    public const string Class = "Fedi::BenchFeedInsert";

    public string JobClass => Class;

    public async Task PerformAsync(JsonElement args, CancellationToken ct)
    {
        var key = JobArgs.String(args, 0);
        if (!key.StartsWith(TestJobHandler.KeyPrefix, StringComparison.Ordinal))
            throw new PermanentJobException($"key must start with '{TestJobHandler.KeyPrefix}'");
        await feeds.AddToFeedAsync(key, [JobArgs.Id(args, 1)]);
    }
}
