using Fedi.Core.Accounts;
using Fedi.Core.Follows;
using Fedi.Core.Markers;
using Fedi.Core.Relationships;
using Microsoft.Extensions.DependencyInjection;

namespace Fedi.Core.Notifications;

/// <summary>Notifications, read markers, follow requests, account notes and profile editing.</summary>
public static class NotificationServices
{
    public static IServiceCollection AddFediNotifications(this IServiceCollection services)
    {
        services.AddSingleton<NotificationStore>();
        services.AddSingleton<NotificationRenderer>();
        services.AddSingleton<NotifyService>();
        services.AddSingleton<StatusNotifications>();
        services.AddSingleton<PollNotifications>();
        services.AddSingleton<ListNotificationsService>();
        services.AddSingleton<MarkerStore>();
        services.AddSingleton<FollowRequestStore>();
        services.AddSingleton<AuthorizeFollowService>();
        services.AddSingleton<AccountNoteStore>();
        services.AddSingleton<UpdateCredentialsService>();
        return services;
    }
}
