using System.Text.Json;
using Fedi.Core.Contracts;
using Fedi.Core.Feeds;
using Fedi.Worker.Engine;

namespace Fedi.Worker.Handlers.Timelines;

/// <summary>UnmergeWorker [target_account_id, follower_account_id]: an unfollowed account's statuses out of the follower's home.</summary>
public sealed class UnmergeHandler(UnmergeService unmerge) : IJobHandler
{
    public string JobClass => JobNames.Unmerge;

    public Task PerformAsync(JsonElement args, CancellationToken ct) => unmerge.UnmergeAsync(JobArgs.Id(args, 0), JobArgs.Id(args, 1), ct);
}
