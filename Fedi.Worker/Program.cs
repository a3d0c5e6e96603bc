using Fedi.Core.Configuration;
using Fedi.Core.Hosting;
using Fedi.Worker;

return await FediCommandLine.RunAsync(args, tier: "worker", defaultPool: WorkerApp.DefaultPool(), serve: async (settings, ct) =>
{
    WebApplication app;
    try
    {
        app = WorkerApp.Build(settings);
    }
    catch (SettingsException e)
    {
        await Console.Error.WriteLineAsync($"fedi-worker: {e.Message}");
        return 78;
    }
    return await WebTier.RunAsync(app, settings, ct);
});
