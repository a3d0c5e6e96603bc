using Fedi.Streaming.Auth;
using Fedi.Streaming.Subscriptions;

namespace Fedi.Streaming.Connections;

/// <summary>An SSE client (text/event-stream): <c>:)</c> first, a <c>:thump</c> comment every <paramref name="heartbeat"/>, one
/// <c>event:/data:</c> block per event. Kill or shutdown ends the response; a client that falls behind is aborted.</summary>
public sealed class EventSourceConnection(
    HttpContext http, StreamingCredentials credentials, ChannelHub hub, IReadOnlyList<IStreamFilter> filters, TimeSpan heartbeat)
    : StreamConnection(StreamingMetrics.EventSource, credentials, hub, filters, http.RequestAborted)
{
    public override byte[] Frame(ChannelEvent channelEvent, StreamSubscription subscription) => channelEvent.EventSourceFrame();

    /// <summary>Writes the stream until the client leaves, the connection is killed or the server stops.</summary>
    public async Task RunAsync()
    {
        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "private, no-store";
        using var stopHeartbeat = CancellationTokenSource.CreateLinkedTokenSource(Aborted);
        var heartbeat = HeartbeatAsync(stopHeartbeat.Token);
        try
        {
            await response.Body.WriteAsync(StreamFrames.EventSourceOpening, Aborted);
            await response.Body.FlushAsync(Aborted);
            while (await Outgoing.WaitToReadAsync(Aborted))
            {
                while (Outgoing.TryRead(out var frame)) await response.Body.WriteAsync(frame, Aborted);
                await response.Body.FlushAsync(Aborted);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            Abort(CloseReason.ConnectionLost);
        }
        finally
        {
            await stopHeartbeat.CancelAsync();
            await heartbeat;
        }
        // A client that stopped reading cannot take the final chunk either: drop the TCP connection.
        if (CloseReason == CloseReason.TooSlow) http.Abort();
    }

    private async Task HeartbeatAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(heartbeat);
        try
        {
            while (await timer.WaitForNextTickAsync(ct)) Send(StreamFrames.EventSourceHeartbeat);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
