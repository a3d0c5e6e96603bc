using Fedi.Streaming.Subscriptions;

namespace Fedi.Streaming.Connections;

/// <summary>
/// Decides, per connection, whether a status event (update, status.update) of a filtered stream (public,
/// hashtag) reaches the client. Runs on the Redis dispatch path once per connection per event, so it must
/// answer from memory: state it needs (blocks, mutes, domain blocks, keyword filters once those tables
/// exist) is loaded per connection ahead of time (<see cref="PrepareAsync"/>) and invalidated through the
/// system channel (<see cref="OnSystemEvent"/>), instead of Mastodon's one PostgreSQL round-trip per message
/// per client. Registered filters all apply.
/// </summary>
public interface IStreamFilter
{
    bool Allows(StreamConnection connection, ChannelEvent status);

    /// <summary>Loads what the filter needs for <paramref name="connection"/>, before any stream is subscribed.</summary>
    Task PrepareAsync(StreamConnection connection, CancellationToken ct) => Task.CompletedTask;

    /// <summary>An event of the account's system channel other than kill; must not block (dispatch thread).</summary>
    void OnSystemEvent(StreamConnection connection, ChannelEvent systemEvent) { }
}
