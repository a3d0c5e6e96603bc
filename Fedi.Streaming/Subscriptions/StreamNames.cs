namespace Fedi.Streaming.Subscriptions;

/// <summary>Stream names of Mastodon's streaming API (the <c>stream</c> parameter and frame field).</summary>
public static class StreamNames
{
    public const string User = "user";
    public const string UserNotification = "user:notification";
    public const string Public = "public";
    public const string PublicMedia = "public:media";
    public const string PublicLocal = "public:local";
    public const string PublicLocalMedia = "public:local:media";
    public const string PublicRemote = "public:remote";
    public const string PublicRemoteMedia = "public:remote:media";
    public const string Hashtag = "hashtag";
    public const string HashtagLocal = "hashtag:local";
    public const string List = "list";
    public const string Direct = "direct";

    /// <summary>Label for the per-connection system channels in metrics.</summary>
    public const string System = "system";
}
