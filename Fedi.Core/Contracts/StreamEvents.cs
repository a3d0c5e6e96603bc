namespace Fedi.Core.Contracts;

/// <summary>Event names of the streaming API, as Mastodon sends them.</summary>
public static class StreamEvents
{
    public const string Update = "update";
    public const string Delete = "delete";
    public const string StatusUpdate = "status.update";
    public const string Notification = "notification";
    public const string Conversation = "conversation";
    public const string FiltersChanged = "filters_changed";
    public const string Announcement = "announcement";
    public const string AnnouncementReaction = "announcement.reaction";
    public const string AnnouncementDelete = "announcement.delete";
    public const string NotificationsMerged = "notifications_merged";
    public const string Kill = "kill";

    /// <summary>
    /// Fedi's own, not Mastodon's: the account's blocks, mutes or domain blocks changed (or someone blocked or
    /// unblocked it). Published without payload on <c>timeline:system:&lt;account id&gt;</c> by the web tier
    /// (block/mute/domain-block services, through <see cref="Streams.StreamPublisher"/>); the streaming tier consumes it to reload the connection's filter
    /// sets and never forwards it to clients. Fire and forget, no TTL.
    /// </summary>
    public const string RelationsChanged = "relations_changed";
}
