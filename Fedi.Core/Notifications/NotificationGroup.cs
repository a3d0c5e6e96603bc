namespace Fedi.Core.Notifications;

/// <summary>
/// One v2 group: every notification of the recipient that shares <see cref="Key"/> (newest first), and the
/// ids of its members that fell on the page asked for.
/// </summary>
public sealed record NotificationGroup(string Key, IReadOnlyList<Notification> Notifications, long PageMinId, long PageMaxId)
{
    /// <summary>Mastodon's SAMPLE_ACCOUNTS_SIZE.</summary>
    public const int SampleSize = 8;

    public int Count => Notifications.Count;
}
