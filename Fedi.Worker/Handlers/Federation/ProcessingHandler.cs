using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Federation.Inbox;
using Fedi.Worker.Engine;

namespace Fedi.Worker.Handlers.Federation;

/// <summary><see cref="ProcessingJob"/>: an inbound activity, handed to its type's handler.</summary>
public sealed class ProcessingHandler(ActivityDispatcher dispatcher) : JobHandler<ProcessingJob>
{
    public override Task PerformAsync(ProcessingJob job, CancellationToken ct) =>
        dispatcher.DispatchAsync(job.ActorId, job.Json, job.DeliveredToAccountId, ct);
}
