using System.Threading.Channels;
using Fedi.Core.Contracts;
using Fedi.Streaming.Auth;
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
    // A list, not a dictionary: a client has a handful of streams at most, and every idle connection pays for it.
    private readonly List<StreamSubscription> _streams = new(1);
    private readonly ChannelHub _hub;
    private SystemChannelListener? _system;
    private int _systemChannels;
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
        _system = new SystemChannelListener(this);
        foreach (var channel in SystemChannels())
        {
            await _hub.SubscribeAsync(channel, _system);
            _systemChannels++;
        }
        StreamingMetrics.ConnectedChannels.WithLabels(Type, StreamNames.System).Inc(2);
    }

    private string[] SystemChannels() => [RedisChannels.AccessToken(Credentials.TokenId), RedisChannels.System(Credentials.AccountId)];

    public const string TooManyStreams = "Too many streams on this connection";

    /// <summary>False when the same channels are already subscribed (a duplicate subscribe is a no-op); a new stream
    /// beyond <paramref name="maxStreams"/> is refused with 429.</summary>
    public async Task<bool> SubscribeAsync(ResolvedStream stream, int maxStreams = int.MaxValue)
    {
        if (Find(stream) >= 0) return false;
        if (_streams.Count >= maxStreams) throw new Core.Errors.ApiException(429, TooManyStreams);
        var subscription = new StreamSubscription(this, stream);
        await subscription.SubscribeAsync(_hub);
        _streams.Add(subscription);
        StreamingMetrics.ConnectedChannels.WithLabels(Type, stream.Name).Inc();
        return true;
    }

    /// <summary>Unsubscribing from something not subscribed is harmless.</summary>
    public async Task UnsubscribeAsync(ResolvedStream stream)
    {
        var index = Find(stream);
        if (index < 0) return;
        var subscription = _streams[index];
        _streams.RemoveAt(index);
        await subscription.UnsubscribeAsync(_hub);
        StreamingMetrics.ConnectedChannels.WithLabels(Type, subscription.Stream.Name).Dec();
    }

    private int Find(ResolvedStream stream) => _streams.FindIndex(subscription => subscription.Stream.Key == stream.Key);

    public async ValueTask DisposeAsync()
    {
        foreach (var subscription in _streams)
        {
            await subscription.UnsubscribeAsync(_hub);
            StreamingMetrics.ConnectedChannels.WithLabels(Type, subscription.Stream.Name).Dec();
        }
        _streams.Clear();
        if (_system is not null)
        {
            if (_systemChannels == 2) StreamingMetrics.ConnectedChannels.WithLabels(Type, StreamNames.System).Dec(2);
            foreach (var channel in SystemChannels().Take(_systemChannels)) await _hub.UnsubscribeAsync(channel, _system);
            _system = null;
        }
        _abort.Dispose();
        GC.SuppressFinalize(this);
    }
}
