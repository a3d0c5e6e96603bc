using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fedi.Core.Contracts.Jobs;

/// <summary>
/// DistributionWorker [status_id]: fans a new local status out to feeds and public channels. Enqueued by
/// <c>PostStatusService</c>; run by <c>DistributionHandler</c> (<c>FanOutOnWriteService.FanOutAsync</c>).
/// Mastodon's optional second argument (options) is accepted and ignored.
/// </summary>
public sealed record DistributionJob(long StatusId) : IJob<DistributionJob>
{
    public static string Class => "DistributionWorker";
    public static string Queue => QueueNames.Default;
    public static JobRetry Retry => JobRetry.Default;

    public static DistributionJob FromArgs(JsonElement args) => new(JobArgs.Id(args, 0));

    public JsonNode?[] ToArgs() => [StatusId];
}
