using Fedi.Core.Follows;
using Fedi.Core.Markers;
using Fedi.Core.Relationships;
using Microsoft.Extensions.DependencyInjection;

namespace Fedi.Core.Notifications;

/// <summary>Notifications, read markers, follow requests and account notes.</summary>
public static class NotificationServices
{
    public static IServiceCollection AddFediNotifications(this IServiceCollection services)
    {
        services.AddSingleton<NotificationStore>();
        services.AddSingleton<NotificationRenderer>();
        services.AddSingleton<NotifyService>();
        services.AddSingleton<StatusNotifications>();
        services.AddSingleton<ListNotificationsService>();
        services.AddSingleton<MarkerStore>();
        services.AddSingleton<FollowRequestStore>();
        services.AddSingleton<AuthorizeFollowService>();
        services.AddSingleton<AccountNoteStore>();
        return services;
    }
}
