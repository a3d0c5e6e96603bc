namespace Fedi.Streaming.Subscriptions;

/// <summary>
/// Receives the events of the channels it subscribed to through <see cref="ChannelHub"/>. Called on the
/// channel's dispatch thread: must not block (queue the frame and return).
/// </summary>
public interface IChannelListener
{
    void Deliver(ChannelEvent channelEvent);
}
