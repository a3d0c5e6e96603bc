using Fedi.Streaming.Subscriptions;

namespace Fedi.Streaming.Connections;

/// <summary>One stream of one connection, listening on that stream's Redis channels.</summary>
public sealed class StreamSubscription(StreamConnection connection, ResolvedStream stream) : IChannelListener, IAsyncDisposable
{
    public ResolvedStream Stream { get; } = stream;

    /// <summary>The frame's stream array, encoded once; also the key of the per-event frame cache.</summary>
    public string StreamNameJson { get; } = StreamFrames.StreamNameJson(stream.StreamName);

    internal List<IAsyncDisposable> Leases { get; } = [];

    public void Deliver(ChannelEvent channelEvent)
    {
        // Payload-less events (kill, filters_changed) concern the system listener, never the client.
        if (channelEvent.Payload is null) return;
        if (Stream.NeedsFiltering && channelEvent.IsStatus && !Allowed(channelEvent)) return;
        if (connection.Send(connection.Frame(channelEvent, this)))
            StreamingMetrics.MessagesSent.WithLabels(connection.Type).Inc();
    }

    private bool Allowed(ChannelEvent channelEvent)
    {
        foreach (var filter in connection.Filters)
        {
            if (!filter.Allows(connection, channelEvent)) return false;
        }
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lease in Leases) await lease.DisposeAsync();
        Leases.Clear();
    }
}
