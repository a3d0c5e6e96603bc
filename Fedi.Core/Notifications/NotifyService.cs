using Fedi.Core.Json;
using Fedi.Core.Streams;

namespace Fedi.Core.Notifications;

/// <summary>
/// Mastodon's NotifyService: records that <c>fromAccountId</c> did something to a local account and pushes the
/// rendered Notification to the recipient's open streams. The rules that suppress a notification (self, blocks
/// either way, muted with notifications, domain-blocked sender, remote or suspended recipient) and the
/// one-per-event rule are applied in the insert itself (<see cref="NotificationStore.InsertUnlessSuppressedAsync"/>).
/// </summary>
public sealed class NotifyService(NotificationStore notifications, NotificationRenderer renderer, StreamPublisher streams)
{
    /// <summary>Returns the new notification, or null when it was suppressed or already existed.</summary>
    public async Task<Notification?> NotifyAsync(NotificationType type, long recipientId, long fromAccountId, long? statusId, CancellationToken ct)
    {
        var notification = await notifications.InsertUnlessSuppressedAsync(
            type.Name(), recipientId, fromAccountId, statusId, NotificationTypes.Groupable.Contains(type), ct);
        if (notification is null) return null;
        if (await renderer.RenderAsync(notification, recipientId, ct) is { } rendered)
            await streams.PublishNotificationAsync(recipientId, FediJson.Serialize(rendered));
        return notification;
    }
}
