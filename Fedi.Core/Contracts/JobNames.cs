namespace Fedi.Core.Contracts;

/// <summary>
/// The "class" of each job, with its args. Mastodon's worker names where the job is the same, so
/// operators who know Sidekiq's dashboards know what they see. Enqueued by web/worker, run by worker.
/// </summary>
public static class JobNames
{
    /// <summary>args: [status_id]. Fan a new local status out to feeds and public channels.</summary>
    public const string Distribution = "DistributionWorker";

    /// <summary>args: [status_id, after_follower_id, up_to_follower_id]. Fan a status out to its author's active
    /// local followers with ids in (after, up_to] — one keyset range of at most 5,000, enqueued by
    /// DistributionWorker when there are more followers than that, so a failure retries one range only.</summary>
    public const string FeedInsertBatch = "FeedInsertBatchWorker";

    /// <summary>args: [status_id]. Remove a deleted status from feeds and streams.</summary>
    public const string Removal = "RemovalWorker";

    /// <summary>args: [target_account_id, follower_account_id]. Merge a newly followed account's
    /// recent statuses into the follower's home feed.</summary>
    public const string Merge = "MergeWorker";

    /// <summary>args: [target_account_id, follower_account_id]. Remove an unfollowed account's statuses
    /// from the follower's home feed.</summary>
    public const string Unmerge = "UnmergeWorker";

    /// <summary>args: [task_name]. Runs one built-in maintenance task (see <c>MaintenanceSchedule</c>) on the
    /// <c>scheduler</c> queue with retry: false; enqueued by the maintenance leader or <c>maintenance run</c>.</summary>
    public const string Maintenance = "Fedi::MaintenanceWorker";
}
