using Fedi.Streaming.Connections;
using Fedi.Streaming.Subscriptions;

namespace Fedi.Streaming.Filtering;

/// <summary>
/// Decides, per connection, whether a status event (update, status.update) of a filtered stream (public,
/// hashtag) reaches the client. Runs on the Redis dispatch path once per connection per event, so it must
/// answer from memory: state it needs (blocks, mutes, domain blocks, keyword filters once those tables
/// exist) is loaded per connection ahead of time and invalidated through the system channel, instead of
/// Mastodon's one PostgreSQL round-trip per message per client. Registered filters all apply.
/// </summary>
public interface IStreamFilter
{
    bool Allows(StreamConnection connection, ChannelEvent status);
}
