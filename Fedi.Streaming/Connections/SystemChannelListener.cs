using Fedi.Core.Contracts;
using Fedi.Streaming.Subscriptions;

namespace Fedi.Streaming.Connections;

/// <summary>
/// Listens on <c>timeline:access_token:&lt;token&gt;</c> and <c>timeline:system:&lt;account&gt;</c>: <c>kill</c>
/// ends the connection. <c>filters_changed</c> is consumed here and never forwarded (as Mastodon); there is
/// no per-connection keyword-filter cache yet for it to clear.
/// </summary>
public sealed class SystemChannelListener(StreamConnection connection) : IChannelListener
{
    public void Deliver(ChannelEvent channelEvent)
    {
        if (channelEvent.Event == StreamEvents.Kill) connection.Close(CloseReason.Killed);
    }
}
