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
/// Channels of a <see cref="PatternFamily"/> (the per-connection system channels, and the per-user channels
/// unless STREAMING_USER_CHANNELS=subscribe) share ONE pattern subscription per family for the whole process,
/// dispatched by channel name to the same reference-counted entries, instead of a SUBSCRIBE and a
/// StackExchange.Redis message queue (~2.9 KiB) each: the benchmark (tests/Fedi.Benchmarks.Streaming) measured
/// those queues as the largest per-connection cost.
/// </summary>
public sealed class ChannelHub(RedisConnection redis, StreamingOptions options, ILogger<ChannelHub> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<PatternFamily, Task> _patterns = new(ReferenceEqualityComparer.Instance);
    private readonly IReadOnlyList<PatternFamily> _families = PatternFamily.For(options.UserChannels);

    /// <summary>Adds <paramref name="listener"/> to <paramref name="channel"/>; <see cref="UnsubscribeAsync"/> removes it.</summary>
    /// <exception cref="RedisException">Redis refused or could not be reached (the listener is not added).</exception>
    public async Task SubscribeAsync(string channel, IChannelListener listener)
    {
        Entry entry;
        lock (_gate)
        {
            if (!_entries.TryGetValue(channel, out entry!))
            {
                entry = new Entry(channel, FamilyOf(channel));
                _entries[channel] = entry;
                entry.Ready = StartAsync(entry);
                StreamingMetrics.RedisSubscriptions.Set(_entries.Count);
            }
            entry.Listeners = entry.Listeners.Add(listener);
        }
        var ready = entry.Ready;
        try
        {
            await ready;
        }
        catch
        {
            await RemoveAsync(entry, listener);
            throw;
        }
        // The finished setup task is an async state machine box: not worth keeping per channel.
        if (ready != Task.CompletedTask) entry.Ready = Task.CompletedTask;
    }

    /// <summary>
    /// Removes a listener added by <see cref="SubscribeAsync"/> (nothing when it is not there). Callers keep the
    /// channel names they subscribed instead of a lease object per channel: an idle cost per connection.
    /// </summary>
    public ValueTask UnsubscribeAsync(string channel, IChannelListener listener)
    {
        Entry? entry;
        lock (_gate) _entries.TryGetValue(channel, out entry);
        return entry is null ? ValueTask.CompletedTask : RemoveAsync(entry, listener);
    }

    /// <summary>Channels with listeners that producers should know about (not the per-connection system channels).</summary>
    public IReadOnlyList<string> AnnouncedChannels()
    {
        lock (_gate) return _entries.Values.Where(entry => entry.Announced).Select(entry => entry.Channel).ToList();
    }

    private PatternFamily? FamilyOf(string channel)
    {
        foreach (var family in _families)
            if (family.Contains(channel)) return family;
        return null;
    }

    private async Task StartAsync(Entry entry)
    {
        try
        {
            if (entry.Family is { } family)
            {
                await PatternAsync(family);
            }
            else
            {
                entry.Queue = await redis.Subscriber.SubscribeAsync(RedisChannel.Literal(entry.Channel));
                entry.Queue.OnMessage(message => Dispatch(entry, message));
            }
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
        if (entry.Announced) await AnnounceAsync(entry.Channel);
    }

    /// <summary>The family's PSUBSCRIBE, made once; a failed one is forgotten so the next connection tries again.</summary>
    private async Task PatternAsync(PatternFamily family)
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

    private async Task SubscribePatternAsync(PatternFamily family)
    {
        var queue = await redis.Subscriber.SubscribeAsync(RedisChannel.Pattern(family.Glob));
        queue.OnMessage(message =>
        {
            // The multiplexer strips REDIS_NAMESPACE from channel names it delivers; tolerate it left on.
            var channel = message.Channel.ToString();
            var prefix = redis.Options.KeyPrefix;
            if (prefix.Length > 0 && channel.StartsWith(prefix, StringComparison.Ordinal)) channel = channel[prefix.Length..];
            Entry? entry;
            lock (_gate) _entries.TryGetValue(channel, out entry);
            if (entry is not null) Dispatch(entry, message);
            else StreamingMetrics.RedisMessagesUnrouted.Inc();
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
            var listeners = entry.Listeners.Remove(listener);
            if (listeners == entry.Listeners) return; // not (or no longer) there
            entry.Listeners = listeners;
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

    private sealed class Entry(string channel, PatternFamily? family)
    {
        public string Channel { get; } = channel;
        public PatternFamily? Family { get; } = family;
        public bool Announced => Family is null || Family.Announced;
        public ImmutableArray<IChannelListener> Listeners { get; set; } = [];
        public Task Ready { get; set; } = Task.CompletedTask;
        public ChannelMessageQueue? Queue { get; set; }
    }
}
