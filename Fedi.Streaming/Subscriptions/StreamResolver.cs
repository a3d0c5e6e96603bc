using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using Fedi.Core.Contracts;
using Fedi.Core.Errors;
using Fedi.Core.Lists;
using Fedi.Core.Statuses;
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

    /// <summary>
    /// Every stream but <c>list</c>, whose ownership needs PostgreSQL: a list is only granted by
    /// <see cref="ResolveAsync"/>, and refused here (401) so no caller can skip the check.
    /// </summary>
    /// <exception cref="ApiException">The stream cannot be streamed with this token.</exception>
    public static ResolvedStream Resolve(StreamingCredentials credentials, StreamRequest request)
    {
        var stream = ResolveUnchecked(credentials, request);
        return stream.Name == StreamNames.List ? throw new ApiException(401, ListNotAuthorized) : stream;
    }

    private static ResolvedStream ResolveUnchecked(StreamingCredentials credentials, StreamRequest request)
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
    /// The list's channel; a list parameter that is not an id names no list of the token's account (401). Whether
    /// the list is the account's is checked against PostgreSQL by <see cref="ResolveAsync"/>.
    /// </summary>
    private static ResolvedStream List(string? list)
    {
        if (string.IsNullOrEmpty(list)) throw ApiException.BadRequest(MissingList);
        if (!long.TryParse(list, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) throw new ApiException(401, ListNotAuthorized);
        return Unfiltered(StreamNames.List, [RedisChannels.List(id)], [StreamNames.List, list]);
    }

    /// <summary>
    /// Any stream, with Mastodon's ownership check for <c>list</c>: one query at subscribe time;
    /// someone else's or an unknown list is 401 "Not authorized to stream this list", PostgreSQL down a 503.
    /// </summary>
    /// <exception cref="ApiException">The stream cannot be streamed with this token.</exception>
    public static async Task<ResolvedStream> ResolveAsync(StreamingCredentials credentials, StreamRequest request, ListStore lists, CancellationToken ct)
    {
        var stream = ResolveUnchecked(credentials, request);
        if (stream.Name != StreamNames.List) return stream;
        bool owns;
        try
        {
            owns = await lists.IsOwnerAsync(long.Parse(request.List!, CultureInfo.InvariantCulture), credentials.AccountId, ct);
        }
        catch (Exception e) when (e is DbException or TimeoutException or SocketException && !ct.IsCancellationRequested)
        {
            throw new ApiException(503, StreamingAuthenticator.Unavailable);
        }
        return owns ? stream : throw new ApiException(401, ListNotAuthorized);
    }

    private static ResolvedStream Unfiltered(string name, string[] channels, string[]? streamName = null) =>
        new(name, streamName ?? [name], channels, NeedsFiltering: false);

    private static ResolvedStream Filtered(string name, string[] streamName, string channel) => new(name, streamName, [channel], NeedsFiltering: true);
}
