using Fedi.Core.Contracts;
using Fedi.Core.Contracts.Jobs;
using StackExchange.Redis;

namespace Fedi.Benchmarks.Jobs;

/// <summary>
/// The two job kinds drained: Fedi::BenchNoop, and Fedi::BenchFeedInsert [feed key, id] spread over
/// <see cref="Feeds"/> feeds so that each grows past 800 entries and every insert also trims.
/// Both in the JSON Fedi's JobClient writes (JobPayload), which Sidekiq reads as its own.
/// </summary>
public static class BenchJobs
{
    public const string Noop = "noop";
    public const string FeedInsert = "feed-insert";
    public const int Feeds = 100;
    public const int FeedMax = 800;

    public static readonly RedisKey[] FeedKeys = Enumerable.Range(0, Feeds).Select(f => (RedisKey)FeedKey(f)).ToArray();

    private static string FeedKey(int feed) => $"diagnostics:bench:feed:{feed}";

    /// <summary>LPUSHes <paramref name="count"/> jobs onto <paramref name="list"/>, pipelined in batches of 1,000.</summary>
    public static async Task FillAsync(IDatabase db, RedisKey list, string kind, int count)
    {
        foreach (var chunk in Enumerable.Range(0, count).Chunk(1_000))
        {
            var jobs = chunk.Select(i => (RedisValue)Job(kind, i).ToJson()).ToArray();
            await db.ListLeftPushAsync(list, jobs);
        }
    }

    private static JobPayload Job(string kind, int i) => kind == Noop
        ? new BenchNoopJob(i).ToPayload()
        : new BenchFeedInsertJob(FeedKey(i % Feeds), i + 1).ToPayload();

    /// <summary>Every feed must hold its newest min(jobs for it, 800) ids: proof the engine did all the work.
    /// Null when it did; otherwise what is missing.</summary>
    public static async Task<string?> VerifyFeedsAsync(IDatabase db, int count)
    {
        for (var f = 0; f < Feeds; f++)
        {
            var jobsForFeed = count / Feeds + (f < count % Feeds ? 1 : 0);
            if (jobsForFeed == 0) continue;
            var length = await db.SortedSetLengthAsync(FeedKey(f));
            var newest = (long)(jobsForFeed - 1) * Feeds + f + 1;
            if (length != Math.Min(jobsForFeed, FeedMax) || await db.SortedSetScoreAsync(FeedKey(f), newest) is null)
                return $"feed {f} has {length} entries (expected {Math.Min(jobsForFeed, FeedMax)}) or lacks id {newest}";
        }
        return null;
    }
}
