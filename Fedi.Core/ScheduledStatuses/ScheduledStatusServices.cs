using Microsoft.Extensions.DependencyInjection;

namespace Fedi.Core.ScheduledStatuses;

/// <summary>Scheduled statuses: the store, the time rule, scheduling, moving and publishing.</summary>
public static class ScheduledStatusServices
{
    public static IServiceCollection AddFediScheduledStatuses(this IServiceCollection services)
    {
        services.AddSingleton<ScheduledStatusStore>();
        services.AddSingleton<ScheduledAtRule>();
        services.AddSingleton<ScheduleStatusService>();
        services.AddSingleton<RescheduleStatusService>();
        services.AddSingleton<PublishScheduledStatusService>();
        return services;
    }
}
