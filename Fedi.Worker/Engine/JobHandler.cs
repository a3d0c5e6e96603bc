using System.Text.Json;
using Fedi.Core.Contracts.Jobs;

namespace Fedi.Worker.Engine;

/// <summary>
/// Runs the jobs of <typeparamref name="TJob"/>'s class. Thin: receives the record, calls one service. Throw
/// <see cref="PermanentJobException"/> for failures a retry cannot fix (args that do not read as the record
/// already are); anything else is retried by <typeparamref name="TJob"/>'s <see cref="IJob{TSelf}.Retry"/> rule.
/// </summary>
public abstract class JobHandler<TJob> : IJobHandler where TJob : IJob<TJob>
{
    public string JobClass => TJob.Class;

    public JobRetry Retry => TJob.Retry;

    /// <param name="ct">cancelled only when the process is shutting down and the drain time is over;
    /// the job is then put back on its queue.</param>
    public abstract Task PerformAsync(TJob job, CancellationToken ct);

    Task IJobHandler.PerformAsync(JsonElement args, CancellationToken ct) => PerformAsync(TJob.FromArgs(args), ct);
}
