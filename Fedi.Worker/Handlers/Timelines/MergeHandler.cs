using System.Text.Json;
using Fedi.Core.Contracts;
using Fedi.Core.Feeds;
using Fedi.Worker.Engine;

namespace Fedi.Worker.Handlers.Timelines;

/// <summary>MergeWorker [target_account_id, follower_account_id]: a new follow's statuses into the follower's home.
/// Mastodon's optional third argument ("home" or "list") is accepted; lists do not exist yet.</summary>
public sealed class MergeHandler(MergeService merge) : IJobHandler
{
    public string JobClass => JobNames.Merge;

    public Task PerformAsync(JsonElement args, CancellationToken ct) => merge.MergeAsync(JobArgs.Id(args, 0), JobArgs.Id(args, 1), ct);
}
