namespace Fedi.Core.Contracts;

/// <summary>
/// Pub/sub channels: web and worker publish <see cref="StreamMessage"/>s, only ever through
/// <see cref="Streams.StreamPublisher"/>; streaming subscribes. Public and hashtag channels carry the anonymous
/// rendering; per-user channels the user's.
/// </summary>
public static class RedisChannels
{
    public const string Public = "timeline:public";
    public const string PublicLocal = "timeline:public:local";
    public const string PublicRemote = "timeline:public:remote";
    public const string PublicMedia = "timeline:public:media";
    public const string PublicLocalMedia = "timeline:public:local:media";
    public const string PublicRemoteMedia = "timeline:public:remote:media";

    /// <summary>Home timeline events for one account (update, delete, status.update, filters_changed…); published by the
    /// worker's fan-out and removal, only while subscribed:.</summary>
    public static string Timeline(long accountId) => $"timeline:{accountId}";

    public static string Notifications(long accountId) => $"timeline:{accountId}:notifications";

    /// <summary>update (rendered for the list's owner, only while subscribed:) and delete, by the worker's fan-out and
    /// removal; streamed to the owner only.</summary>
    public static string List(long listId) => $"timeline:list:{listId}";

    /// <summary>conversation events (Mastodon's Conversation entity) for a direct status the account takes part in, by the worker's fan-out.</summary>
    public static string Direct(long accountId) => $"timeline:direct:{accountId}";

    /// <summary>update and delete of public statuses carrying the tag, by the worker's fan-out and removal;
    /// <paramref name="normalizedTag"/> is already lower-cased/normalised.</summary>
    public static string Hashtag(string normalizedTag, bool localOnly = false) =>
        localOnly ? $"timeline:hashtag:{normalizedTag}:local" : $"timeline:hashtag:{normalizedTag}";

    /// <summary>kill / filters_changed / relations_changed for one account: disabling (CLI), block, mute and
    /// domain-block changes (web).</summary>
    public static string System(long accountId) => $"timeline:system:{accountId}";

    /// <summary>kill when the access token is revoked (web's /oauth/revoke): its streams close at once.</summary>
    public static string AccessToken(long tokenId) => $"timeline:access_token:{tokenId}";
}
