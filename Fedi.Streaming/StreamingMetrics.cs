using Prometheus;

namespace Fedi.Streaming;

/// <summary>
/// Prometheus metrics under Mastodon's own names (streaming/metrics.js), so dashboards built for
/// Mastodon's streaming server read ours too; the ones Mastodon lacks are prefixed fedi_streaming_.
/// </summary>
public static class StreamingMetrics
{
    public const string WebSocket = "websocket";
    public const string EventSource = "eventsource";
    public const string SignalR = "signalr";

    public static readonly Gauge ConnectedClients = Metrics.CreateGauge(
        "mastodon_streaming_connected_clients", "The number of clients connected to the streaming server", "type");

    public static readonly Gauge ConnectedChannels = Metrics.CreateGauge(
        "mastodon_streaming_connected_channels", "The number of channels the streaming server is streaming to", "type", "channel");

    public static readonly Gauge RedisSubscriptions = Metrics.CreateGauge(
        "mastodon_streaming_redis_subscriptions", "The number of Redis channels the streaming server is subscribed to");

    public static readonly Counter RedisMessagesReceived = Metrics.CreateCounter(
        "mastodon_streaming_redis_messages_received_total", "The total number of messages the streaming server has received from redis subscriptions");

    public static readonly Counter MessagesSent = Metrics.CreateCounter(
        "mastodon_streaming_messages_sent_total", "The total number of messages the streaming server sent to clients per connection type", "type");

    public static readonly Counter RedisMessagesMalformed = Metrics.CreateCounter(
        "fedi_streaming_redis_messages_malformed_total", "Messages from Redis that could not be decoded and were dropped");

    public static readonly Counter RedisMessagesUnrouted = Metrics.CreateCounter(
        "fedi_streaming_redis_messages_unrouted_total",
        "Messages received through a pattern subscription for channels nobody on this process listens to (users of other streaming processes)");

    public static readonly Counter SlowClientsDisconnected = Metrics.CreateCounter(
        "fedi_streaming_slow_clients_disconnected_total", "Clients disconnected because their outgoing queue was full", "type");
}
