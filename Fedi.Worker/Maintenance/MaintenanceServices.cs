using Fedi.Core.Jobs;
using Fedi.Worker.Engine;

namespace Fedi.Worker.Maintenance;

/// <summary>The maintenance leader, the job that runs a task, and the tasks (named in <see cref="MaintenanceSchedule.Tasks"/>).</summary>
public static class MaintenanceServices
{
    public static IServiceCollection AddMaintenance(this IServiceCollection services)
    {
        services.AddSingleton<IMaintenanceTask, FeedsVacuumTask>();
        services.AddSingleton<IMaintenanceTask, TokensPruneTask>();
        services.AddSingleton<IMaintenanceTask, DeadSetTrimTask>();
        services.AddSingleton<IMaintenanceTask, ProcessesCleanupTask>();
        services.AddSingleton<IMaintenanceTask, ScheduledStatusesTask>();
        services.AddSingleton<IMaintenanceTask, MediaOrphansTask>();
        services.AddSingleton<IJobHandler, MaintenanceHandler>();
        services.AddHostedService<MaintenanceLeader>();
        return services;
    }
}
