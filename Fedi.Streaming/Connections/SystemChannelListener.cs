using Fedi.Core.Contracts;
using Fedi.Streaming.Subscriptions;

namespace Fedi.Streaming.Connections;

/// <summary>
/// Listens on <c>timeline:access_token:&lt;token&gt;</c> and <c>timeline:system:&lt;account&gt;</c>: <c>kill</c>
/// ends the connection. Other events (<c>filters_changed</c>, Fedi's <c>relations_changed</c>) go to the
/// connection's filters, which reload what they cached; none is forwarded to the client (as Mastodon).
/// </summary>
public sealed class SystemChannelListener(StreamConnection connection) : IChannelListener
{
    public void Deliver(ChannelEvent channelEvent)
    {
        if (channelEvent.Event == StreamEvents.Kill)
        {
            connection.Close(CloseReason.Killed);
            return;
        }
        foreach (var filter in connection.Filters) filter.OnSystemEvent(connection, channelEvent);
    }
}
