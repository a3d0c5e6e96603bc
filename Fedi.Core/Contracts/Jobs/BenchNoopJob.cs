using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fedi.Core.Contracts.Jobs;

/// <summary>
/// Fedi::BenchNoop [sequence]: does nothing, so a benchmark measures the engine alone; the sequence number only
/// tells the jobs apart, as in its Sidekiq twin's benchmark (<c>tests/interop/bench_*.rb</c>), and is not checked
/// (a missing or non-numeric one reads as 0). Enqueued by <c>tests/Fedi.Benchmarks.Jobs</c>; run by
/// <c>BenchNoopHandler</c>, registered only with FEDI_ENABLE_DIAGNOSTIC_JOBS=true.
/// </summary>
public sealed record BenchNoopJob(long Sequence) : IJob<BenchNoopJob>
{
    public static string Class => "Fedi::BenchNoop";
    public static string Queue => QueueNames.Default;
    public static JobRetry Retry => JobRetry.Default;

    public static BenchNoopJob FromArgs(JsonElement args) => new(JobArgs.Number(args, 0) ?? 0);

    public JsonNode?[] ToArgs() => [Sequence];
}
