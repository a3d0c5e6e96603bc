using Fedi.Streaming.Subscriptions;

namespace Fedi.Streaming.Connections;

/// <summary>One stream of one connection, listening on that stream's Redis channels.</summary>
public sealed class StreamSubscription(StreamConnection connection, ResolvedStream stream) : IChannelListener
{
    public ResolvedStream Stream { get; } = stream;

    /// <summary>The frame's stream array, encoded once; also the key of the per-event frame cache.</summary>
    public string StreamNameJson { get; } = StreamFrames.StreamNameJson(stream.StreamName);

    public void Deliver(ChannelEvent channelEvent)
    {
        // Payload-less events (kill, filters_changed) concern the system listener, never the client.
        if (channelEvent.Payload is null) return;
        if (Stream.NeedsFiltering && channelEvent.IsStatus && !Allowed(channelEvent)) return;
        if (connection.Send(connection.Frame(channelEvent, this)))
            StreamingMetrics.MessagesSent.WithLabels(connection.Type).Inc();
    }

    /// <summary>Listens on every channel of the stream, or (when one fails) on none.</summary>
    public async Task SubscribeAsync(ChannelHub hub)
    {
        var subscribed = 0;
        try
        {
            foreach (var channel in Stream.Channels)
            {
                await hub.SubscribeAsync(channel, this);
                subscribed++;
            }
        }
        catch
        {
            foreach (var channel in Stream.Channels.Take(subscribed)) await hub.UnsubscribeAsync(channel, this);
            throw;
        }
    }

    public async ValueTask UnsubscribeAsync(ChannelHub hub)
    {
        foreach (var channel in Stream.Channels) await hub.UnsubscribeAsync(channel, this);
    }

    private bool Allowed(ChannelEvent channelEvent)
    {
        foreach (var filter in connection.Filters)
        {
            if (!filter.Allows(connection, channelEvent)) return false;
        }
        return true;
    }
}
