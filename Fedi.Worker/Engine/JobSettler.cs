using Fedi.Core.Contracts;
using Fedi.Core.Redis;
using StackExchange.Redis;

namespace Fedi.Worker.Engine;

/// <summary>
/// Writes the end of a failed job: into <c>retry</c> or <c>dead</c>, or nowhere — and out of the
/// in-progress list in the same MULTI, so a crash in between can neither lose nor duplicate it.
/// </summary>
public sealed class JobSettler(RedisConnection redis, ReliableFetch fetch)
{
    /// <summary>Sidekiq's dead set limits (dead_max_jobs, dead_timeout_in_seconds).</summary>
    public const int DeadMaxJobs = 10_000;
    public static readonly TimeSpan DeadTimeout = TimeSpan.FromDays(180);

    public async Task SettleAsync(FetchedJob job, FailureDecision decision)
    {
        var transaction = redis.Database.CreateTransaction();
        var writes = new List<Task> { fetch.CompleteIn(transaction, job) };
        switch (decision.Outcome)
        {
            case FailureOutcome.Retry:
                writes.Add(transaction.SortedSetAddAsync(SidekiqKeys.Retry, decision.Json, decision.At));
                break;
            case FailureOutcome.Dead:
                writes.AddRange(AddToDead(transaction, decision.Json, decision.At));
                break;
        }
        await transaction.ExecuteAsync();
        await Task.WhenAll(writes);
    }

    /// <summary>A job that cannot even be read goes to the dead set exactly as it came, for a human to look at.</summary>
    public async Task BuryUnreadableAsync(FetchedJob job, DateTimeOffset now)
    {
        var transaction = redis.Database.CreateTransaction();
        var writes = new List<Task> { fetch.CompleteIn(transaction, job) };
        writes.AddRange(AddToDead(transaction, job.Raw, now.ToUnixTimeMilliseconds() / 1000.0));
        await transaction.ExecuteAsync();
        await Task.WhenAll(writes);
    }

    private static IEnumerable<Task> AddToDead(ITransaction transaction, string json, double at) =>
    [
        transaction.SortedSetAddAsync(SidekiqKeys.Dead, json, at),
        transaction.SortedSetRemoveRangeByScoreAsync(SidekiqKeys.Dead, double.NegativeInfinity, at - DeadTimeout.TotalSeconds),
        transaction.SortedSetRemoveRangeByRankAsync(SidekiqKeys.Dead, 0, -DeadMaxJobs - 1),
    ];
}
