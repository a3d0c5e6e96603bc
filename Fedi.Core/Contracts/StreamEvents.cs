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
}
