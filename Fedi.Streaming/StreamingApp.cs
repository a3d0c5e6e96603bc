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

    public static WebApplication Build(FediSettings settings)
    {
        // ICU is loaded for hashtag normalisation only; nothing here may depend on the host's locale.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;

        var builder = WebTier.CreateBuilder(settings, defaultPort: 4000);
        builder.Services.AddSingleton(StreamingOptions.From(settings.Environment));
        builder.Services.AddStreamingServices();
        var app = builder.Build();
        app.UseSerilogRequestLogging();
        app.UseCors();
        app.UseWebSockets();
        app.MapOperations();
        app.MapStreamingEndpoints();
        app.MapTimelinesHub();
        // Created now so SIGTERM finds it even when no client ever connected.
        app.Services.GetRequiredService<ConnectionRegistry>();
        return app;
    }
}
