using System.Collections.Concurrent;
using Fedi.Core.Federation.Fetching;
using Polly;
using Polly.CircuitBreaker;

namespace Fedi.Core.Federation.Outbound;

/// <summary>
/// One circuit breaker per remote host (Mastodon's Stoplight per inbox: 10 failures, then red for 60 s), so deliveries
/// to a host that is down right now fail at once with <see cref="BrokenCircuitException"/> instead of each waiting for
/// its connect timeout. The job engine retries that like any transient failure, with the delivery backoff: the job's
/// retry budget is spent at the pace of the backoff, not of the queue.
/// </summary>
public sealed class HostCircuits(TimeProvider clock)
{
    public const int Failures = 10;
    public static readonly TimeSpan BreakFor = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, ResiliencePipeline> _byHost = new(StringComparer.Ordinal);

    public ResiliencePipeline For(string host) => _byHost.GetOrAdd(host, _ => new ResiliencePipelineBuilder { TimeProvider = clock }
        .AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            // Nine in ten attempts in the window failed, and at least ten of them. Stoplight counts failures since the
            // last success; a ratio below 1 lets one success a minute ago (the Accept of a follow, say) not hold the
            // circuit closed while everything since is refused, yet a host that answers often stays reachable.
            FailureRatio = 0.9,
            MinimumThroughput = Failures,
            SamplingDuration = BreakFor,
            BreakDuration = BreakFor,
            ShouldHandle = new PredicateBuilder()
                .Handle<HttpRequestException>()
                .Handle<TimeoutException>()
                .Handle<TaskCanceledException>()
                .Handle<RemoteRequestException>(e => !e.Permanent),
        })
        .Build());
}
