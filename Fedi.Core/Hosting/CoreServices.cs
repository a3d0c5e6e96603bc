using Fedi.Core.Configuration;
using Fedi.Core.Data;
using Fedi.Core.Jobs;
using Fedi.Core.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Fedi.Core.Hosting;

/// <summary>Registrations every tier shares: settings, PostgreSQL, Redis, the job client, core services.</summary>
public static class CoreServices
{
    public static IServiceCollection AddFediCore(this IServiceCollection services, FediSettings settings)
    {
        DapperSetup.Configure();
        services.AddSingleton(settings);
        services.AddSingleton(settings.Instance);
        services.AddSingleton(Options.Create(settings.Instance));
        services.AddSingleton(settings.Database);
        services.AddSingleton(settings.Redis);
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(settings.Database.ConnectionString).Build());
        services.AddSingleton(_ => RedisConnection.Connect(settings.Redis, $"fedi-{settings.Tier}"));
        services.AddSingleton<JobClient>();
        services.AddSingleton<JobOutboxStore>();
        services.AddSingleton<JobOutbox>();
        services.AddSingleton<RedisLock>();
        services.AddSingleton<MaintenanceSchedule>();
        services.AddSingleton<MaintenanceRecords>();
        services.AddSingleton(TimeProvider.System);
        services.AddFediDomain();
        return services;
    }
}
