using System.Diagnostics;
using Fedi.Core.Redis;
using Fedi.Core.Relationships;
using Fedi.Streaming.Auth;
using Fedi.Streaming.Subscriptions;

namespace Fedi.Streaming.Startup;

/// <summary>
/// Before Kestrel listens (<see cref="IHostedLifecycleService.StartingAsync"/> runs ahead of the server's start), so
/// the health check a load balancer waits for answers only once the handshake and delivery paths are compiled and
/// the database pool is open: a restarted process is met by every client reconnecting at once, and the first
/// handshakes and deliveries ran 2–3× slower on tier-0 code and on opening pool connections (TCP + SCRAM each) one by one.
/// STREAMING_WARM_UP=false skips it. A failure (PostgreSQL down at start) or running past 3 s is logged; the process starts anyway.
/// </summary>
public sealed class StartupWarmUp(
    StreamingOptions options, StreamingAuthenticator authenticator, ViewerRelationsStore relations, ChannelHub hub, RedisConnection redis, ILogger<StartupWarmUp> logger)
    : IHostedLifecycleService
{
    /// <summary>Rounds of work with pauses between them: tiered compilation promotes hot methods after a quiet spell.</summary>
    private const int Rounds = 5;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(120);

    /// <summary>The most it may delay the start: on a starved machine the process starts half warm rather than late.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!options.WarmUp) return;
        var clock = Stopwatch.StartNew();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Budget);
        try
        {
            for (var round = 0; round < Rounds; round++)
            {
                // In parallel, as many as the pool holds, so every physical connection is opened now.
                await Task.WhenAll(Enumerable.Range(0, StreamingApp.DefaultPool).Select(_ => DatabaseAsync(budget.Token)));
                await SocketWarmUp.RunAsync(options, hub, redis, budget.Token);
                await Task.Delay(Pause, budget.Token);
            }
            logger.LogWarmedUp(clock.Elapsed.TotalMilliseconds);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarmUpFailed(clock.Elapsed.TotalMilliseconds, e);
        }
    }

    /// <summary>The handshake's queries: a token that matches nothing, and one viewer's blocks and mutes.</summary>
    private async Task DatabaseAsync(CancellationToken ct)
    {
        try
        {
            await authenticator.AuthenticateAsync("warm-up-" + Guid.NewGuid().ToString("N"), null, ct);
        }
        catch (Fedi.Core.Errors.ApiException e) when (e.Status == 401)
        {
            // Expected: no such token.
        }
        await relations.FindAsync(0, ct);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
