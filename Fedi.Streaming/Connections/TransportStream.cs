using System.Buffers;
using System.IO.Pipelines;

namespace Fedi.Streaming.Connections;

/// <summary>
/// The connection's own pipes as the duplex stream a WebSocket runs on, for sockets upgraded ahead of Kestrel's
/// HTTP layer (Endpoints.DirectUpgrade). Disposing it (the WebSocket's abort) ends a pending read and a flush
/// stuck on a client that stopped reading; the connection itself closes when the middleware returns.
/// </summary>
public sealed class TransportStream(IDuplexPipe transport) : Stream
{
    public override bool CanRead => true;
    public override bool CanWrite => true;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        var result = await transport.Input.ReadAsync(cancellationToken);
        var buffer = result.Buffer;
        if (result.IsCanceled) throw new OperationCanceledException("The connection was aborted.");
        var count = (int)Math.Min(buffer.Length, destination.Length);
        buffer.Slice(0, count).CopyTo(destination.Span);
        transport.Input.AdvanceTo(buffer.GetPosition(count));
        return count; // 0 only at the end of the stream
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        var result = await transport.Output.WriteAsync(source, cancellationToken);
        if (result.IsCanceled) throw new OperationCanceledException("The connection was aborted.");
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask; // every write flushes

    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            transport.Input.CancelPendingRead();
            transport.Output.CancelPendingFlush();
        }
        base.Dispose(disposing);
    }
}
