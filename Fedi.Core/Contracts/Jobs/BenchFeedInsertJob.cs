using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fedi.Core.Contracts.Jobs;

/// <summary>
/// Fedi::BenchFeedInsert [key, id]: one home-feed insert (ZADD, trim to 800) into the diagnostic feed
/// <see cref="Key"/>, the same Redis work as its Sidekiq twin in <c>tests/interop/bench_workers.rb</c>. Enqueued
/// by <c>tests/Fedi.Benchmarks.Jobs</c>; run by <c>BenchFeedInsertHandler</c>, registered only with
/// FEDI_ENABLE_DIAGNOSTIC_JOBS=true.
/// </summary>
public sealed record BenchFeedInsertJob(string Key, long Id) : IJob<BenchFeedInsertJob>
{
    public static string Class => "Fedi::BenchFeedInsert";
    public static string Queue => QueueNames.Default;
    public static JobRetry Retry => JobRetry.Default;

    public static BenchFeedInsertJob FromArgs(JsonElement args) => new(JobArgs.String(args, 0), JobArgs.Id(args, 1));

    public JsonNode?[] ToArgs() => [Key, Id];
}
