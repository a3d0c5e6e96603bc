using System.Text.Json;
using Fedi.Core.Contracts;
using Fedi.Core.Contracts.Jobs;

namespace Fedi.Worker.Tests.Support;

/// <summary>
/// One job record with the wire the positional code wrote for it — class, args text, queue, retry — written
/// out literally, so a change to any record's wire fails a test rather than passing through unseen.
/// </summary>
public sealed record JobWireCase(string Name, object Record, string Class, string Args, string Queue, bool Retry,
    Func<JobPayload> Payload, Func<JsonElement, object> Read)
{
    /// <summary>Every job record, the diagnostic ones included.</summary>
    public static readonly IReadOnlyList<JobWireCase> All =
    [
        Of(new DistributionJob(110_123_456_789_012_345), "DistributionWorker", "[110123456789012345]"),
        Of(new DistributionJob(110_123_456_789_012_345, Update: true), "DistributionWorker", """[110123456789012345,{"update":true}]"""),
        Of(new FeedInsertBatchJob(7, 0, 5_000), "FeedInsertBatchWorker", "[7,0,5000]"),
        Of(new FeedInsertBatchJob(7, 5_000, 9_999), "FeedInsertBatchWorker", "[7,5000,9999]"),
        Of(new RemovalJob(9), "RemovalWorker", "[9]"),
        Of(new MergeJob(1, 2), "MergeWorker", "[1,2]"),
        Of(new UnmergeJob(3, 4), "UnmergeWorker", "[3,4]"),
        Of(new MaintenanceJob("feeds-vacuum"), "Fedi::MaintenanceWorker", """["feeds-vacuum"]""", "scheduler", retry: false),
        Of(new TestJob("diagnostics:k", "ok", "t"), "Fedi::TestJob", """["diagnostics:k","ok","t"]"""),
        Of(new TestJob("diagnostics:k", "fail"), "Fedi::TestJob", """["diagnostics:k","fail"]"""),
        Of(new BenchNoopJob(12), "Fedi::BenchNoop", "[12]"),
        Of(new BenchFeedInsertJob("diagnostics:bench:feed:1", 5), "Fedi::BenchFeedInsert", """["diagnostics:bench:feed:1",5]"""),
        Of(new MediaJob(110_123_456_789_012_345), "PostProcessMediaWorker", "[110123456789012345]", "media"),
    ];

    public static JobWireCase Of<TJob>(TJob job, string jobClass, string args, string queue = "default", bool retry = true)
        where TJob : IJob<TJob> =>
        new($"{typeof(TJob).Name} {args}", job, jobClass, args, queue, retry, () => job.ToPayload(), a => TJob.FromArgs(a));

    /// <summary>The reader of the record named <paramref name="name"/> (its type's name).</summary>
    public static Func<JsonElement, object> ReaderOf(string name) => All.First(c => c.Record.GetType().Name == name).Read;

    public override string ToString() => Name;
}
