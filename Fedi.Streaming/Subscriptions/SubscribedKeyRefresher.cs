using Fedi.Core.Contracts;
using Fedi.Core.Redis;
using StackExchange.Redis;

namespace Fedi.Streaming.Subscriptions;

/// <summary>
/// Keeps <c>subscribed:&lt;channel&gt;</c> alive for every channel with listeners: one pipelined batch every
/// <see cref="RedisKeys.SubscribedRefresh"/>, and at once after Redis comes back (a restarted Redis has lost
/// the keys, and producers would skip per-user pushes until the next refresh).
/// </summary>
public sealed class SubscribedKeyRefresher(ChannelHub hub, RedisConnection redis, ILogger<SubscribedKeyRefresher> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        redis.Multiplexer.ConnectionRestored += OnRestored;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await _wake.WaitAsync(RedisKeys.SubscribedRefresh, stoppingToken);
                await RefreshAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            redis.Multiplexer.ConnectionRestored -= OnRestored;
        }
    }

    /// <summary>Sets every announced channel's key in one batch; a failure waits for the next round.</summary>
    public async Task RefreshAsync()
    {
        var channels = hub.AnnouncedChannels();
        if (channels.Count == 0) return;
        try
        {
            var batch = redis.Database.CreateBatch();
            var writes = channels.Select(channel => batch.StringSetAsync(RedisKeys.Subscribed(channel), "1", RedisKeys.SubscribedTtl)).ToList();
            batch.Execute();
            await Task.WhenAll(writes);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogRefreshFailed(channels.Count, e);
        }
    }

    private void OnRestored(object? sender, ConnectionFailedEventArgs e)
    {
        logger.LogRedisRestored(e.ConnectionType.ToString());
        if (_wake.CurrentCount == 0)
        {
            try { _wake.Release(); } catch (SemaphoreFullException) { }
        }
    }
}
