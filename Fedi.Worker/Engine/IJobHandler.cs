using System.Text.Json;

namespace Fedi.Worker.Engine;

/// <summary>
/// Runs one job class. Thin: reads the args, calls one service. Throw
/// <see cref="Fedi.Core.Jobs.PermanentJobException"/> for failures a retry cannot fix; anything else is retried.
/// Handlers are singletons and run concurrently.
/// </summary>
public interface IJobHandler
{
    /// <summary>The job's "class" as it appears on the wire, e.g. "DistributionWorker".</summary>
    string JobClass { get; }

    /// <param name="ct">cancelled only when the process is shutting down and the drain time is over;
    /// the job is then put back on its queue.</param>
    Task PerformAsync(JsonElement args, CancellationToken ct);

    /// <summary>This class's retry count and backoff; null (the default) for Sidekiq's 25 retries and n^4 + 15.</summary>
    RetryOverride? Retry => null;
}
