using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Federation.Outbound;
using Fedi.Worker.Engine;

namespace Fedi.Worker.Handlers.Federation;

/// <summary><see cref="DeliveryJob"/>: one signed POST of an activity to a remote inbox.</summary>
public sealed class DeliveryHandler(DeliveryService delivery) : JobHandler<DeliveryJob>
{
    public override Task PerformAsync(DeliveryJob job, CancellationToken ct) => delivery.DeliverAsync(job, ct);
}
