using System.Text.Json;
using Fedi.Core.Contracts.Jobs;

namespace Fedi.Worker.Engine;

/// <summary>
/// What the engine runs for one job class, whatever the job: handlers derive from <see cref="JobHandler{TJob}"/>,
/// which reads the args into the job's record. Handlers are singletons and run concurrently.
/// </summary>
public interface IJobHandler
{
    /// <summary>The job's "class" as it appears on the wire, e.g. "DistributionWorker".</summary>
    string JobClass { get; }

    /// <param name="args">the job's args array, valid only until the returned task completes.</param>
    /// <param name="ct">cancelled only when the process is shutting down and the drain time is over;
    /// the job is then put back on its queue.</param>
    Task PerformAsync(JsonElement args, CancellationToken ct);

    /// <summary>The class's retry count and backoff, applied when a job says only "retry": true.</summary>
    JobRetry Retry { get; }
}
