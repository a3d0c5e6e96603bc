using System.Text.Json;
using Fedi.Worker.Engine;

namespace Fedi.Worker.Handlers.Diagnostics;

/// <summary>
/// <c>Fedi::BenchNoop</c>: does nothing, so a benchmark measures the engine alone (fetch, run, settle).
/// Its Sidekiq twin is in <c>tests/interop/bench_workers.rb</c>. Registered only with FEDI_ENABLE_DIAGNOSTIC_JOBS=true.
/// </summary>
public sealed class BenchNoopHandler : IJobHandler
{
    public const string Class = "Fedi::BenchNoop";

    public string JobClass => Class;

    public Task PerformAsync(JsonElement args, CancellationToken ct) => Task.CompletedTask;
}
