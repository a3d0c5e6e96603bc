using Fedi.Core.Configuration;
using Fedi.Core.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;
using Serilog;

namespace Fedi.Core.Hosting;

/// <summary>Hosting defaults every tier shares: logs, systemd, listen address, drain time, health, metrics.</summary>
public static class ServerHost
{
    /// <param name="defaultPort">PORT when unset; null means this tier listens only when PORT is set.</param>
    /// <param name="silencedLogs">Log categories this tier turns off entirely (<see cref="Logging.Off"/>).</param>
    public static WebApplicationBuilder CreateBuilder(FediSettings settings, int? defaultPort, IReadOnlyList<string>? silencedLogs = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        var logging = LoggingOptions.From(settings.Environment);
        var logger = Logging.Create(logging, settings.Tier, silencedLogs);
        Log.Logger = logger;
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(logger, dispose: true);
        builder.Host.UseSystemd();

        var hosting = HostingOptions.From(settings.Environment, defaultPort);
        builder.Services.AddSingleton(logging);
        builder.Services.AddSingleton(hosting);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = hosting.ShutdownTimeout);
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            if (!hosting.Listens) return;
            if (hosting.Address is { } address) kestrel.Listen(address, hosting.Port);
            else kestrel.ListenLocalhost(hosting.Port);
        });
        if (!hosting.Listens) builder.WebHost.UseUrls(); // no listener at all
        builder.Services.AddFediCore(settings);
        return builder;
    }

    /// <summary>Refuses to run on a schema behind the code (operators run <c>migrate</c>), and states the connection budget.</summary>
    public static void CheckStartup(WebApplication app, FediSettings settings)
    {
        var pending = new DatabaseMigrator(settings.Database).Pending();
        if (pending.Count > 0)
            throw new SettingsException("DATABASE_URL", $"the database has {pending.Count} pending migration(s) ({string.Join(", ", pending)}); run `migrate` first");
        app.Logger.LogConnectionBudget(settings.Tier, settings.Database.PoolSize);
    }

    /// <summary>GET /health ("OK") and GET /metrics (Prometheus, to <see cref="HostingOptions.MetricsAllowed"/> only).</summary>
    public static void MapOperations(this WebApplication app)
    {
        var allowed = app.Services.GetRequiredService<HostingOptions>().MetricsAllowed;
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/metrics"),
            branch => branch.Use(next => http => MetricsAccess.Allows(http, allowed) ? next(http) : MetricsAccess.RefuseAsync(http)));
        app.MapGet("/health", () => Results.Text("OK")).ExcludeFromDescription().PublicRoute();
        app.MapMetrics("/metrics").PublicRoute(); // its gate is the client's address, not a token
    }

    /// <summary>Runs the app; a startup failure is logged and ends the process non-zero.</summary>
    public static async Task<int> RunAsync(WebApplication app, FediSettings settings, CancellationToken ct)
    {
        try
        {
            CheckStartup(app, settings);
            await app.RunAsync(ct);
            return 0;
        }
        catch (SettingsException e)
        {
            Log.Fatal("{Message}", e.Message);
            await Console.Error.WriteLineAsync($"fedi-{settings.Tier}: {e.Message}");
            return 78;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.Fatal(e, "fedi-{Tier} stopped after a failure", settings.Tier);
            return 1;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }
}
