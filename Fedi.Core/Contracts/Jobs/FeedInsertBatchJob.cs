using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fedi.Core.Contracts.Jobs;

/// <summary>
/// FeedInsertBatchWorker [status_id, after_follower_id, up_to_follower_id]: fans a status out to its author's
/// active local followers with ids in (after, up_to] — one keyset range of at most 5,000, so a failure retries
/// one range only; the first range starts after 0. Enqueued in bulk by <c>FanOutOnWriteService.FanOutAsync</c>
/// when there are more followers than one range; run by <c>FeedInsertBatchHandler</c>
/// (<c>FanOutOnWriteService.FanOutRangeAsync</c>).
/// </summary>
public sealed record FeedInsertBatchJob(long StatusId, long AfterFollowerId, long UpToFollowerId) : IJob<FeedInsertBatchJob>
{
    public static string Class => "FeedInsertBatchWorker";
    public static string Queue => QueueNames.Default;
    public static JobRetry Retry => JobRetry.Default;

    public static FeedInsertBatchJob FromArgs(JsonElement args) =>
        new(JobArgs.Id(args, 0), JobArgs.IdOrZero(args, 1), JobArgs.Id(args, 2));

    public JsonNode?[] ToArgs() => [StatusId, AfterFollowerId, UpToFollowerId];
}
