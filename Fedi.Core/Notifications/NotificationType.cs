namespace Fedi.Core.Notifications;

/// <summary>The notification types Fedi creates, with Mastodon's wire names.</summary>
public enum NotificationType
{
    Mention,
    Status,
    Reblog,
    Follow,
    FollowRequest,
    Favourite,
    Update,
    Poll,
    AdminSignUp,
}

public static class NotificationTypes
{
    private static readonly Dictionary<NotificationType, string> Names = new()
    {
        [NotificationType.Mention] = "mention",
        [NotificationType.Status] = "status",
        [NotificationType.Reblog] = "reblog",
        [NotificationType.Follow] = "follow",
        [NotificationType.FollowRequest] = "follow_request",
        [NotificationType.Favourite] = "favourite",
        [NotificationType.Update] = "update",
        [NotificationType.Poll] = "poll",
        [NotificationType.AdminSignUp] = "admin.sign_up",
    };

    private static readonly Dictionary<string, NotificationType> ByName = Names.ToDictionary(p => p.Value, p => p.Key);

    /// <summary>Types whose notifications v2 groups (Mastodon 4.3's GROUPABLE_NOTIFICATION_TYPES).</summary>
    public static readonly IReadOnlySet<NotificationType> Groupable =
        new HashSet<NotificationType> { NotificationType.Favourite, NotificationType.Reblog, NotificationType.Follow };

    public static string Name(this NotificationType type) => Names[type];

    public static NotificationType? Parse(string name) => ByName.TryGetValue(name, out var type) ? type : null;

    /// <summary>The wire names among <paramref name="names"/> that Fedi knows; unknown names are ignored, as Mastodon's.</summary>
    public static string[] Known(IEnumerable<string> names) => names.Where(ByName.ContainsKey).Distinct().ToArray();
}
