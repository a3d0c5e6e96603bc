using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace Fedi.Benchmarks.Streaming;

/// <summary>
/// N WebSocket clients in this process, each subscribed to <c>user</c> (URL) and <c>public</c> (message). One
/// async receive loop per client with a 2 KiB buffer; only the first chunk of a frame is read for the markers.
/// Sources rotate over 127.0.0.1–127.0.0.x so more than one address's worth of ephemeral ports is available.
/// </summary>
public sealed class StreamClients : IAsyncDisposable
{
    public const int ConnectionsPerSourceAddress = 20_000;
    private static readonly byte[] SeqMarker = "fedi_bench_seq"u8.ToArray();
    private static readonly byte[] SentMarker = "fedi_bench_sent"u8.ToArray();
    private static readonly byte[] SubscribePublic = """{"type":"subscribe","stream":"public"}"""u8.ToArray();

    private readonly HttpMessageInvoker _invoker;
    private readonly List<ClientWebSocket> _sockets = [];
    private readonly List<Task> _loops = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly int _sourceAddresses;
    private int _nextSource;
    private long[] _latencies = [];
    private int[] _received = [];
    private int _clients;

    public StreamClients(int expected)
    {
        _sourceAddresses = Math.Max(1, (expected + ConnectionsPerSourceAddress - 1) / ConnectionsPerSourceAddress);
        _invoker = new HttpMessageInvoker(new SocketsHttpHandler { ConnectCallback = ConnectFromNextSourceAsync, UseProxy = false });
    }

    public int Count => _sockets.Count;
    public int Failures;
    public int UnexpectedCloses;

    /// <summary>Prepares the latency table for <paramref name="events"/> events over the current clients.</summary>
    public void Expect(int events)
    {
        _clients = _sockets.Count;
        _latencies = new long[events * _clients];
        Array.Fill(_latencies, -1);
        _received = new int[events];
    }

    public int Received(int seq) => Volatile.Read(ref _received[seq]);

    /// <summary>Opens <paramref name="tokens"/>.Length connections, <paramref name="parallel"/> handshakes at a time.</summary>
    public async Task ConnectAsync(string wsBase, IReadOnlyList<string> tokens, int parallel)
    {
        var sockets = new ClientWebSocket?[tokens.Count];
        await Parallel.ForAsync(0, tokens.Count, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, ct) =>
        {
            var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = TimeSpan.Zero; // the server pings; the client only answers
            socket.Options.SetBuffer(2048, 256);
            try
            {
                await socket.ConnectAsync(new Uri($"{wsBase}/api/v1/streaming?stream=user&access_token={tokens[i]}"), _invoker, ct);
                await socket.SendAsync(SubscribePublic, WebSocketMessageType.Text, true, ct);
                sockets[i] = socket;
            }
            catch (Exception e) when (e is WebSocketException or HttpRequestException or IOException)
            {
                Interlocked.Increment(ref Failures);
                socket.Dispose();
            }
        });
        lock (_sockets)
        {
            foreach (var socket in sockets.OfType<ClientWebSocket>())
            {
                var index = _sockets.Count;
                _sockets.Add(socket);
                _loops.Add(ReceiveAsync(socket, index));
            }
        }
    }

    /// <summary>Latencies of one event in milliseconds (received clients only).</summary>
    public IEnumerable<double> LatenciesMs(int seq)
    {
        for (var c = 0; c < _clients; c++)
        {
            var ticks = _latencies[seq * _clients + c];
            if (ticks >= 0) yield return ticks * 1000.0 / Stopwatch.Frequency;
        }
    }

    private async Task ReceiveAsync(ClientWebSocket socket, int index)
    {
        var buffer = new byte[2048]; // a whole ~1.4 KB frame in one receive
        var frameStart = true;
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Interlocked.Increment(ref UnexpectedCloses);
                    return;
                }
                if (frameStart) Record(index, buffer.AsSpan(0, result.Count), Stopwatch.GetTimestamp());
                frameStart = result.EndOfMessage;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            if (!_stop.IsCancellationRequested) Interlocked.Increment(ref UnexpectedCloses);
        }
    }

    private void Record(int index, ReadOnlySpan<byte> frame, long now)
    {
        if (index >= _clients) return;
        var seq = NumberAfter(frame, SeqMarker);
        var sent = NumberAfter(frame, SentMarker);
        if (seq < 0 || sent < 0 || seq >= _received.Length) return;
        _latencies[seq * _clients + index] = now - sent;
        Interlocked.Increment(ref _received[seq]);
    }

    private static long NumberAfter(ReadOnlySpan<byte> frame, ReadOnlySpan<byte> marker)
    {
        var at = frame.IndexOf(marker);
        if (at < 0) return -1;
        var i = at + marker.Length;
        while (i < frame.Length && !char.IsAsciiDigit((char)frame[i])) i++;
        long value = 0;
        var start = i;
        while (i < frame.Length && char.IsAsciiDigit((char)frame[i])) value = value * 10 + (frame[i++] - '0');
        return i > start ? value : -1;
    }

    private async ValueTask<Stream> ConnectFromNextSourceAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var source = Interlocked.Increment(ref _nextSource) % _sourceAddresses;
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(new IPAddress([127, 0, 0, (byte)(1 + source)]), 0));
            await socket.ConnectAsync(context.DnsEndPoint, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var socket in _sockets) socket.Abort();
        await Task.WhenAll(_loops);
        foreach (var socket in _sockets) socket.Dispose();
        _invoker.Dispose();
        _stop.Dispose();
    }

}
