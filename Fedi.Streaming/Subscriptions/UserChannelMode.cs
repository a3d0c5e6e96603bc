namespace Fedi.Streaming.Subscriptions;

/// <summary>
/// STREAMING_USER_CHANNELS: how a process receives the per-user channels (<c>timeline:&lt;account&gt;</c> and
/// <c>timeline:&lt;account&gt;:notifications</c>). Both keep every channel's events in publish order.
/// </summary>
public enum UserChannelMode
{
    /// <summary>
    /// One <c>PSUBSCRIBE timeline:[0-9]*</c> for the whole process, dispatched by channel name to local
    /// listeners: no StackExchange.Redis message queue per user channel (~2.9 KiB each, two per user stream),
    /// but the process receives the events of every user connected to ANY streaming process and drops the
    /// ones nobody here listens to.
    /// </summary>
    Pattern,

    /// <summary>
    /// One <c>SUBSCRIBE</c> per user channel with local listeners: each process receives only its own users'
    /// events, at ~5.8 KiB more per connected user stream. For deployments with many streaming processes.
    /// </summary>
    Subscribe,
}
