using Fedi.Streaming.Connections;
using Fedi.Streaming.Subscriptions;

namespace Fedi.Streaming.Filtering;

/// <summary>A user who chose languages sees only statuses in them on public and hashtag streams (a status
/// without a language included, as in Mastodon's streaming server, is then dropped).</summary>
public sealed class LanguageFilter : IStreamFilter
{
    public bool Allows(StreamConnection connection, ChannelEvent status)
    {
        var chosen = connection.Credentials.Token.ChosenLanguages;
        if (chosen is not { Length: > 0 }) return true;
        return status.Language is { } language && Array.IndexOf(chosen, language) >= 0;
    }
}
