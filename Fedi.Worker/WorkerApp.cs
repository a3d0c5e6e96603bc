using Fedi.Core.Configuration;
using Fedi.Core.Hosting;

namespace Fedi.Worker;

/// <summary>The worker tier: the job engine as a hosted service, plus health and metrics when PORT is set.</summary>
public static class WorkerApp
{
    public static int DefaultPool => 10;

    public static WebApplication Build(FediSettings settings)
    {
        var builder = WebTier.CreateBuilder(settings, defaultPort: null);
        var app = builder.Build();
        app.MapOperations();
        return app;
    }
}
