using System.Collections.Immutable;
using Fedi.Core.Contracts;
using Fedi.Core.Redis;
using StackExchange.Redis;

namespace Fedi.Streaming.Subscriptions;

/// <summary>
/// The process's Redis subscriptions: ONE per channel, reference counted across all connections. The first
/// listener of a channel SUBSCRIBEs (and announces it with <c>subscribed:&lt;channel&gt;</c>), the last one
/// gone UNSUBSCRIBEs. Each channel's messages are decoded once and dispatched in order to its listeners.
/// StackExchange.Redis resubscribes every live channel by itself after a reconnect.
/// The per-connection system channels (<c>timeline:access_token:&lt;id&gt;</c>, <c>timeline:system:&lt;id&gt;</c>)
/// carry only the rare <c>kill</c>, so they share ONE pattern subscription per family for the whole process
/// instead of a SUBSCRIBE and a StackExchange.Redis message queue (~2.9 KiB) each per connection; the
/// benchmark (tests/Fedi.Benchmarks.Streaming) measured that as the largest per-connection cost.
/// </summary>
public sealed class ChannelHub(RedisConnection redis, ILogger<ChannelHub> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task> _patterns = new(StringComparer.Ordinal);
    private static readonly string[] PatternFamilies = ["timeline:access_token:", "timeline:system:"];

    /// <summary>Adds <paramref name="listener"/> to <paramref name="channel"/>; dispose the result to remove it.</summary>
    /// <exception cref="RedisException">Redis refused or could not be reached (the listener is not added).</exception>
    public async Task<IAsyncDisposable> SubscribeAsync(string channel, IChannelListener listener)
    {
        Entry entry;
        lock (_gate)
        {
            if (!_entries.TryGetValue(channel, out entry!))
            {
                entry = new Entry(channel);
                _entries[channel] = entry;
                entry.Ready = StartAsync(entry);
                StreamingMetrics.RedisSubscriptions.Set(_entries.Count);
            }
            entry.Listeners = entry.Listeners.Add(listener);
        }
        try
        {
            await entry.Ready;
        }
        catch
        {
            await RemoveAsync(entry, listener);
            throw;
        }
        return new Lease(this, entry, listener);
    }

    /// <summary>Channels with listeners that producers should know about (not the per-connection system channels).</summary>
    public IReadOnlyList<string> AnnouncedChannels()
    {
        lock (_gate) return _entries.Keys.Where(IsAnnounced).ToList();
    }

    private static bool IsAnnounced(string channel) => PatternFamily(channel) is null;

    private static string? PatternFamily(string channel) =>
        Array.Find(PatternFamilies, family => channel.StartsWith(family, StringComparison.Ordinal));

    private async Task StartAsync(Entry entry)
    {
        try
        {
            if (PatternFamily(entry.Channel) is { } family)
            {
                await PatternAsync(family);
                return;
            }
            entry.Queue = await redis.Subscriber.SubscribeAsync(RedisChannel.Literal(entry.Channel));
        }
        catch
        {
            // Forget the failed entry so the next subscriber tries again instead of awaiting a dead task.
            lock (_gate)
            {
                if (_entries.TryGetValue(entry.Channel, out var current) && current == entry) _entries.Remove(entry.Channel);
                StreamingMetrics.RedisSubscriptions.Set(_entries.Count);
            }
            throw;
        }
        entry.Queue.OnMessage(message => Dispatch(entry, message));
        if (IsAnnounced(entry.Channel)) await AnnounceAsync(entry.Channel);
    }

    /// <summary>The family's PSUBSCRIBE, made once; a failed one is forgotten so the next connection tries again.</summary>
    private async Task PatternAsync(string family)
    {
        Task subscribed;
        lock (_gate)
        {
            if (!_patterns.TryGetValue(family, out subscribed!))
                _patterns[family] = subscribed = SubscribePatternAsync(family);
        }
        try
        {
            await subscribed;
        }
        catch
        {
            lock (_gate)
            {
                if (_patterns.TryGetValue(family, out var current) && current == subscribed) _patterns.Remove(family);
            }
            throw;
        }
    }

    private async Task SubscribePatternAsync(string family)
    {
        var queue = await redis.Subscriber.SubscribeAsync(RedisChannel.Pattern(family + "*"));
        queue.OnMessage(message =>
        {
            // The multiplexer strips REDIS_NAMESPACE from channel names it delivers; tolerate it left on.
            var channel = message.Channel.ToString();
            var prefix = redis.Options.KeyPrefix;
            if (prefix.Length > 0 && channel.StartsWith(prefix, StringComparison.Ordinal)) channel = channel[prefix.Length..];
            Entry? entry;
            lock (_gate) _entries.TryGetValue(channel, out entry);
            if (entry is not null) Dispatch(entry, message);
        });
    }

    /// <summary>Not fatal when it fails: the refresher sets the key again within <see cref="RedisKeys.SubscribedRefresh"/>.</summary>
    private async Task AnnounceAsync(string channel)
    {
        try
        {
            await redis.Database.StringSetAsync(RedisKeys.Subscribed(channel), "1", RedisKeys.SubscribedTtl);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogRefreshFailed(1, e);
        }
    }

    private async ValueTask RemoveAsync(Entry entry, IChannelListener listener)
    {
        bool last;
        lock (_gate)
        {
            entry.Listeners = entry.Listeners.Remove(listener);
            last = entry.Listeners.IsEmpty && _entries.TryGetValue(entry.Channel, out var current) && current == entry;
            if (last) _entries.Remove(entry.Channel);
            StreamingMetrics.RedisSubscriptions.Set(_entries.Count);
        }
        if (!last || entry.Queue is null) return;
        try
        {
            // Only this queue is removed; StackExchange.Redis sends UNSUBSCRIBE when no queue is left on the
            // channel, so a new entry racing for the same channel keeps its subscription.
            await entry.Queue.UnsubscribeAsync();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogUnsubscribeFailed(entry.Channel, e);
        }
    }

    private void Dispatch(Entry entry, ChannelMessage message)
    {
        StreamingMetrics.RedisMessagesReceived.Inc();
        var decoded = message.Message.IsNullOrEmpty ? null : StreamMessage.TryDecode(message.Message!);
        if (decoded is null)
        {
            StreamingMetrics.RedisMessagesMalformed.Inc();
            logger.LogMalformedMessage(entry.Channel);
            return;
        }
        var channelEvent = new ChannelEvent(entry.Channel, decoded);
        foreach (var listener in entry.Listeners)
        {
            try
            {
                listener.Deliver(channelEvent);
            }
            catch (Exception e)
            {
                logger.LogListenerFailed(entry.Channel, e);
            }
        }
    }

    private sealed class Entry(string channel)
    {
        public string Channel { get; } = channel;
        public ImmutableArray<IChannelListener> Listeners { get; set; } = [];
        public Task Ready { get; set; } = Task.CompletedTask;
        public ChannelMessageQueue? Queue { get; set; }
    }

    private sealed class Lease(ChannelHub hub, Entry entry, IChannelListener listener) : IAsyncDisposable
    {
        private int _disposed;

        public ValueTask DisposeAsync() =>
            Interlocked.Exchange(ref _disposed, 1) == 0 ? hub.RemoveAsync(entry, listener) : ValueTask.CompletedTask;
    }
}
