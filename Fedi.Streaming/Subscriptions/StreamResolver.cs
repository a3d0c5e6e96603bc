using Fedi.Core.Contracts;
using Fedi.Core.Errors;
using Fedi.Streaming.Auth;

namespace Fedi.Streaming.Subscriptions;

/// <summary>Maps a stream name and parameters to Redis channels for one token (mastodon.md §4.4), with
/// Mastodon's error texts: 400 unknown stream / missing parameter, 401 scopes or list.</summary>
public static class StreamResolver
{
    public const string UnknownStream = "Unknown stream type";
    public const string MissingTag = "Missing tag name parameter";
    public const string MissingList = "Missing list name parameter";
    public const string ListNotAuthorized = "Not authorized to stream this list";

    /// <exception cref="ApiException">The stream cannot be streamed with this token.</exception>
    public static ResolvedStream Resolve(StreamingCredentials credentials, StreamRequest request)
    {
        var name = request.Stream ?? "";
        StreamScopes.Require(credentials.Token, name);
        return Channels(credentials, name, request);
    }

    /// <summary>The channels only, without the scope check (unsubscribing needs no scope).</summary>
    public static ResolvedStream Channels(StreamingCredentials credentials, string name, StreamRequest request)
    {
        var account = credentials.AccountId;
        return name switch
        {
            StreamNames.User => Unfiltered(name, StreamScopes.IncludesNotifications(credentials.Token)
                ? [RedisChannels.Timeline(account), RedisChannels.Notifications(account)]
                : [RedisChannels.Timeline(account)]),
            StreamNames.UserNotification => Unfiltered(name, [RedisChannels.Notifications(account)]),
            StreamNames.Public => Filtered(name, [name], RedisChannels.Public),
            StreamNames.PublicMedia => Filtered(name, [name], RedisChannels.PublicMedia),
            StreamNames.PublicLocal => Filtered(name, [name], RedisChannels.PublicLocal),
            StreamNames.PublicLocalMedia => Filtered(name, [name], RedisChannels.PublicLocalMedia),
            StreamNames.PublicRemote => Filtered(name, [name], RedisChannels.PublicRemote),
            StreamNames.PublicRemoteMedia => Filtered(name, [name], RedisChannels.PublicRemoteMedia),
            StreamNames.Hashtag or StreamNames.HashtagLocal => Hashtag(name, request.Tag),
            StreamNames.Direct => Unfiltered(name, [RedisChannels.Direct(account)]),
            StreamNames.List => List(request.List),
            _ => throw ApiException.BadRequest(UnknownStream),
        };
    }

    private static ResolvedStream Hashtag(string name, string? tag)
    {
        if (string.IsNullOrEmpty(tag)) throw ApiException.BadRequest(MissingTag);
        var channel = RedisChannels.Hashtag(HashtagNormalizer.Normalize(tag), localOnly: name == StreamNames.HashtagLocal);
        return Filtered(name, [name, tag], channel);
    }

    /// <summary>
    /// Lists have no table yet, so no list can belong to the token's account: every list is refused the way
    /// Mastodon refuses someone else's list (401). Replace with an ownership lookup when lists land.
    /// </summary>
    private static ResolvedStream List(string? list)
    {
        if (string.IsNullOrEmpty(list)) throw ApiException.BadRequest(MissingList);
        throw new ApiException(401, ListNotAuthorized);
    }

    private static ResolvedStream Unfiltered(string name, string[] channels) => new(name, [name], channels, NeedsFiltering: false);

    private static ResolvedStream Filtered(string name, string[] streamName, string channel) => new(name, streamName, [channel], NeedsFiltering: true);
}
