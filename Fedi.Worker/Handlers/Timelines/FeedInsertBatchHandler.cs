using System.Text.Json;
using Fedi.Core.Contracts;
using Fedi.Core.Timelines;
using Fedi.Worker.Engine;

namespace Fedi.Worker.Handlers.Timelines;

/// <summary>FeedInsertBatchWorker [status_id, after_follower_id, up_to_follower_id]: one range of a large fan-out.</summary>
public sealed class FeedInsertBatchHandler(FanOutOnWriteService fanOut) : IJobHandler
{
    public string JobClass => JobNames.FeedInsertBatch;

    public Task PerformAsync(JsonElement args, CancellationToken ct) =>
        fanOut.FanOutRangeAsync(JobArgs.Id(args, 0), AfterId(args), JobArgs.Id(args, 2), ct);

    /// <summary>The first range starts after 0, which <see cref="JobArgs.Id"/> (ids are positive) refuses.</summary>
    private static long AfterId(JsonElement args) => JobArgs.Number(args, 1) == 0 ? 0 : JobArgs.Id(args, 1);
}
