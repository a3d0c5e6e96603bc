using System.Globalization;
using Fedi.Core.Configuration;
using Fedi.Core.Hosting;
using Fedi.Streaming.Connections;
using Fedi.Streaming.Endpoints;
using Fedi.Streaming.SignalR;
using Serilog;

namespace Fedi.Streaming;

/// <summary>The streaming tier: registrations, middleware and routes.</summary>
public static class StreamingApp
{
    /// <summary>Only connection setup touches PostgreSQL (token lookup); events come from Redis.</summary>
    public const int DefaultPool = 10;

    /// <summary>
    /// ASP.NET Core's per-request log category (request started/finished, below our Warning floor anyway). While it
    /// is enabled at any level, hosting gives every request an Activity and a log scope, kept for the request's
    /// life: hours for a streaming socket, ~0.3 KiB each per idle client. Off, nothing is lost but those.
    /// </summary>
    private const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static WebApplication Build(FediSettings settings)
    {
        // ICU is loaded for hashtag normalisation only; nothing here may depend on the host's locale.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;

        var builder = ServerHost.CreateBuilder(settings, defaultPort: 4000, silencedLogs: [HostingDiagnostics]);
        var options = StreamingOptions.From(settings.Environment);
        builder.Services.AddSingleton(options);
        // Inline, a frame's send happens in the connection's writer loop instead of a hop to Kestrel's I/O queue per
        // frame: nothing here blocks a thread, and a fan-out is 10,000 frames at once.
        builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = options.InlineSocketIo);
        builder.Services.AddStreamingServices();
        builder.Services.UpgradeAheadOfHttp();
        var app = builder.Build();
        app.UseWebSockets();
        app.UseStreamingWebSockets();
        // Explicit, so that they come after the streaming sockets' branch (WebApplication would put them first).
        app.UseRouting();
        app.UseAuthorization();
        app.UseSerilogRequestLogging();
        app.UseCors();
        app.MapOperations();
        app.MapStreamingEndpoints();
        app.MapTimelinesHub();
        // Created now so SIGTERM finds it even when no client ever connected.
        app.Services.GetRequiredService<ConnectionRegistry>();
        return app;
    }
}
