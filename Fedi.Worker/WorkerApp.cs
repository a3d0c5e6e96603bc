using Fedi.Core.Configuration;
using Fedi.Core.Hosting;
using Fedi.Core.Jobs;
using Fedi.Worker.Engine;
using Fedi.Worker.Handlers;
using Fedi.Worker.Maintenance;

namespace Fedi.Worker;

/// <summary>The worker tier: the job engine as a hosted service, plus health and metrics when PORT is set.</summary>
public static class WorkerApp
{
    /// <summary>One connection per executor plus two for the engine's own work, unless DB_POOL says otherwise.</summary>
    public static int DefaultPool(EnvironmentSettings env) => WorkerOptions.ConcurrencyFrom(env) + 2;

    public static WebApplication Build(FediSettings settings)
    {
        var options = WorkerOptions.From(settings.Environment);
        var builder = ServerHost.CreateBuilder(settings, defaultPort: null);
        builder.Services.AddJobEngine(options);
        builder.Services.AddJobHandlers(options);
        builder.Services.AddMaintenance();
        var app = builder.Build();
        app.MapOperations();
        return app;
    }

    private static IServiceCollection AddJobEngine(this IServiceCollection services, WorkerOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(sp => ProcessIdentity.Create(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ReliableFetch>();
        services.AddSingleton<JobSettler>();
        services.AddSingleton<CompletedJobs>();
        services.AddSingleton<WorkState>();
        services.AddSingleton<JobStats>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<UniqueJobs>();
        services.AddSingleton<Heartbeat>();
        services.AddSingleton<ScheduledPoller>();
        services.AddSingleton<ProcessRecovery>();
        services.AddSingleton<QueueSampler>();
        services.AddSingleton<ServerSettingsStore>();
        services.AddSingleton<CapacityCheck>();
        services.AddSingleton<JobStatsReader>();
        services.AddHostedService<JobEngine>();
        services.AddHostedService<OutboxRelay>();
        return services;
    }
}
