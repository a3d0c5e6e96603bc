using System.Threading.Channels;
using Fedi.Core.Contracts;
using Fedi.Streaming.Auth;
using Fedi.Streaming.Filtering;
using Fedi.Streaming.Subscriptions;

namespace Fedi.Streaming.Connections;

/// <summary>
/// One client, WebSocket or SSE: its token, its stream subscriptions and a bounded queue of frames to send.
/// Redis dispatch only enqueues (never blocks); the transport's writer loop drains the queue. A client whose
/// queue is full is disconnected (<see cref="CloseReason.TooSlow"/>) instead of growing memory.
/// Subscriptions are changed by one caller at a time (the socket's reader loop, or SSE setup).
/// </summary>
public abstract class StreamConnection : IAsyncDisposable
{
    /// <summary>Frames a client may fall behind by; an event burst on a busy public stream fits easily.</summary>
    public const int QueueCapacity = 256;

    private readonly Channel<byte[]> _outgoing = Channel.CreateBounded<byte[]>(
        new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _abort;
    private readonly Dictionary<string, StreamSubscription> _streams = new(StringComparer.Ordinal);
    private readonly List<IAsyncDisposable> _systemLeases = [];
    private readonly ChannelHub _hub;
    private CloseReason? _closeReason;

    protected StreamConnection(string type, StreamingCredentials credentials, ChannelHub hub, IReadOnlyList<IStreamFilter> filters, CancellationToken requestAborted)
    {
        Type = type;
        Credentials = credentials;
        Filters = filters;
        _hub = hub;
        _abort = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
    }

    /// <summary><see cref="StreamingMetrics.WebSocket"/> or <see cref="StreamingMetrics.EventSource"/>.</summary>
    public string Type { get; }
    public StreamingCredentials Credentials { get; }
    public IReadOnlyList<IStreamFilter> Filters { get; }
    public CloseReason? CloseReason => Volatile.Read(ref _closeReason);

    protected ChannelReader<byte[]> Outgoing => _outgoing.Reader;

    /// <summary>Cancelled when the connection must stop at once (client gone, too slow).</summary>
    protected CancellationToken Aborted => _abort.Token;

    /// <summary>The frame for <paramref name="channelEvent"/> in this transport's format.</summary>
    public abstract byte[] Frame(ChannelEvent channelEvent, StreamSubscription subscription);

    /// <summary>Queues a frame; false when closing or when the queue was full (the connection is then dropped).</summary>
    public bool Send(byte[] frame)
    {
        if (_outgoing.Writer.TryWrite(frame)) return true;
        if (CloseReason is null)
        {
            StreamingMetrics.SlowClientsDisconnected.WithLabels(Type).Inc();
            Abort(CloseReason.TooSlow);
        }
        return false;
    }

    /// <summary>Ends gracefully: frames already queued are sent, then the close frame (SSE: the response ends).</summary>
    public void Close(CloseReason reason)
    {
        Interlocked.CompareExchange(ref _closeReason, reason, null);
        _outgoing.Writer.TryComplete();
    }

    /// <summary>Ends now, dropping queued frames.</summary>
    public void Abort(CloseReason reason)
    {
        Close(reason);
        try { _abort.Cancel(); } catch (ObjectDisposedException) { }
    }

    /// <summary>The token's and the account's system channels, which carry <c>kill</c>.</summary>
    public async Task SubscribeSystemAsync()
    {
        var listener = new SystemChannelListener(this);
        _systemLeases.Add(await _hub.SubscribeAsync(RedisChannels.AccessToken(Credentials.TokenId), listener));
        _systemLeases.Add(await _hub.SubscribeAsync(RedisChannels.System(Credentials.AccountId), listener));
        StreamingMetrics.ConnectedChannels.WithLabels(Type, StreamNames.System).Inc(2);
    }

    /// <summary>False when the same channels are already subscribed (a duplicate subscribe is a no-op).</summary>
    public async Task<bool> SubscribeAsync(ResolvedStream stream)
    {
        if (_streams.ContainsKey(stream.Key)) return false;
        var subscription = new StreamSubscription(this, stream);
        try
        {
            foreach (var channel in stream.Channels) subscription.Leases.Add(await _hub.SubscribeAsync(channel, subscription));
        }
        catch
        {
            await subscription.DisposeAsync();
            throw;
        }
        _streams[stream.Key] = subscription;
        StreamingMetrics.ConnectedChannels.WithLabels(Type, stream.Name).Inc();
        return true;
    }

    /// <summary>Unsubscribing from something not subscribed is harmless.</summary>
    public async Task UnsubscribeAsync(ResolvedStream stream)
    {
        if (!_streams.Remove(stream.Key, out var subscription)) return;
        await subscription.DisposeAsync();
        StreamingMetrics.ConnectedChannels.WithLabels(Type, subscription.Stream.Name).Dec();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var subscription in _streams.Values)
        {
            await subscription.DisposeAsync();
            StreamingMetrics.ConnectedChannels.WithLabels(Type, subscription.Stream.Name).Dec();
        }
        _streams.Clear();
        if (_systemLeases.Count > 0) StreamingMetrics.ConnectedChannels.WithLabels(Type, StreamNames.System).Dec(2);
        foreach (var lease in _systemLeases) await lease.DisposeAsync();
        _systemLeases.Clear();
        _abort.Dispose();
        GC.SuppressFinalize(this);
    }
}
