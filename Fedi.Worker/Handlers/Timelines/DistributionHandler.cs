using System.Text.Json;
using Fedi.Core.Contracts;
using Fedi.Core.Timelines;
using Fedi.Worker.Engine;

namespace Fedi.Worker.Handlers.Timelines;

/// <summary>DistributionWorker [status_id]: fans a new status out to feeds and streams.</summary>
public sealed class DistributionHandler(FanOutOnWriteService fanOut) : IJobHandler
{
    public string JobClass => JobNames.Distribution;

    public Task PerformAsync(JsonElement args, CancellationToken ct) => fanOut.FanOutAsync(JobArgs.Id(args, 0), ct);
}
