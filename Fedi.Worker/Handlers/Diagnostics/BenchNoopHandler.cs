using Fedi.Core.Contracts.Jobs;
using Fedi.Worker.Engine;

namespace Fedi.Worker.Handlers.Diagnostics;

/// <summary>
/// <see cref="BenchNoopJob"/>: does nothing, so a benchmark measures the engine alone (fetch, run, settle).
/// Its Sidekiq twin is in <c>tests/interop/bench_workers.rb</c>. Registered only with FEDI_ENABLE_DIAGNOSTIC_JOBS=true.
/// </summary>
public sealed class BenchNoopHandler : JobHandler<BenchNoopJob>
{
    public override Task PerformAsync(BenchNoopJob job, CancellationToken ct) => Task.CompletedTask;
}
