using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fedi.Core.Contracts.Jobs;

/// <summary>
/// One job's contract, implemented by its record: the wire "class" (Mastodon's worker name where the job is the
/// same, so operators who know Sidekiq's dashboards know what they see), its queue, its retry rule, and the
/// conversion of the record to and from Sidekiq's positional <c>args</c> array. Producers enqueue the record
/// with <c>JobClient</c>; the worker's <c>JobHandler&lt;TJob&gt;</c> receives it parsed. The argument order is
/// written once, in <see cref="ToArgs"/> and <see cref="FromArgs"/>.
/// </summary>
public interface IJob<TSelf> where TSelf : IJob<TSelf>
{
    /// <summary>The job's "class" on the wire, e.g. "DistributionWorker".</summary>
    static abstract string Class { get; }

    /// <summary>The queue it is pushed to (one of <see cref="QueueNames"/>).</summary>
    static abstract string Queue { get; }

    /// <summary>The "retry" it is enqueued with and the worker's retry count and backoff for it.</summary>
    static abstract JobRetry Retry { get; }

    /// <summary>Reads the record from a job's args as Sidekiq clients send them (ids as numbers or numeric
    /// strings); throws <see cref="PermanentJobException"/> when they are malformed, which no retry can fix.</summary>
    static abstract TSelf FromArgs(JsonElement args);

    /// <summary>The args array as Fedi writes it (ids as JSON numbers).</summary>
    JsonNode?[] ToArgs();
}
