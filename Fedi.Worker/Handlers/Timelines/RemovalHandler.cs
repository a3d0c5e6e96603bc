using System.Text.Json;
using Fedi.Core.Contracts;
using Fedi.Core.Timelines;
using Fedi.Worker.Engine;

namespace Fedi.Worker.Handlers.Timelines;

/// <summary>RemovalWorker [status_id]: takes a deleted status out of feeds and streams.</summary>
public sealed class RemovalHandler(RemoveStatusService removal) : IJobHandler
{
    public string JobClass => JobNames.Removal;

    public Task PerformAsync(JsonElement args, CancellationToken ct) => removal.RemoveAsync(JobArgs.Id(args, 0), ct);
}
