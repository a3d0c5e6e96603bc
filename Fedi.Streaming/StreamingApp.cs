using Fedi.Core.Configuration;
using Fedi.Core.Hosting;
using Serilog;

namespace Fedi.Streaming;

/// <summary>The streaming tier: registrations, middleware and routes.</summary>
public static class StreamingApp
{
    /// <summary>Only connection setup touches PostgreSQL (token lookup); events come from Redis.</summary>
    public const int DefaultPool = 10;

    public static WebApplication Build(FediSettings settings)
    {
        var builder = WebTier.CreateBuilder(settings, defaultPort: 4000);
        var app = builder.Build();
        app.UseSerilogRequestLogging();
        app.MapOperations();
        app.MapGet("/api/v1/streaming/health", () => Results.Text("OK"));
        return app;
    }
}
