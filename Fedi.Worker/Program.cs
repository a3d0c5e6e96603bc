using Fedi.Core.Hosting;
using Fedi.Worker;

return await FediCommandLine.RunAsync(args, tier: "worker", defaultPool: WorkerApp.DefaultPool(), serve: async (settings, ct) =>
{
    var app = WorkerApp.Build(settings);
    return await WebTier.RunAsync(app, settings, ct);
});
