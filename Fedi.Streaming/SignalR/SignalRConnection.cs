using Fedi.Streaming.Auth;
using Fedi.Streaming.Connections;
using Fedi.Streaming.Filtering;
using Fedi.Streaming.Subscriptions;
using Microsoft.AspNetCore.SignalR;

namespace Fedi.Streaming.SignalR;

/// <summary>
/// A SignalR hub client as one more kind of <see cref="StreamConnection"/>: same subscriptions, filters and
/// bounded queue as a WebSocket; the pump sends each queued frame as the hub message <c>event</c>. When the
/// queue ends (kill, too slow, shutdown) the hub connection is aborted; the browser client's
/// <c>onclose</c> fires and, with automatic reconnect, it reconnects (to another instance when this one stops).
/// </summary>
public sealed class SignalRConnection(
    HubCallerContext context, IHubContext<TimelinesHub> hubContext, StreamingCredentials credentials, ChannelHub hub, IReadOnlyList<IStreamFilter> filters)
    : StreamConnection(StreamingMetrics.SignalR, credentials, hub, filters, context.ConnectionAborted)
{
    public const string EventMethod = "event";

    private Task _pump = Task.CompletedTask;

    public string ConnectionId => context.ConnectionId;

    public override byte[] Frame(ChannelEvent channelEvent, StreamSubscription subscription) =>
        channelEvent.WebSocketFrame(subscription.StreamNameJson);

    public void Start() => _pump = PumpAsync();

    /// <summary>Waits for the pump after the hub connection is gone.</summary>
    public Task StoppedAsync()
    {
        Abort(CloseReason ?? CloseReason.ClientClosed);
        return _pump;
    }

    private async Task PumpAsync()
    {
        var client = hubContext.Clients.Client(context.ConnectionId);
        try
        {
            while (await Outgoing.WaitToReadAsync(Aborted))
            {
                while (Outgoing.TryRead(out var frame))
                    await client.SendCoreAsync(EventMethod, HubEventArguments.From(frame), Aborted);
            }
        }
        catch (OperationCanceledException)
        {
        }
        context.Abort();
    }
}
