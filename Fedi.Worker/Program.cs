using Fedi.Core.Cli;
using Fedi.Core.Hosting;
using Fedi.Worker;

return await FediCommandLine.RunAsync(args, tier: "worker", defaultPool: WorkerApp.DefaultPool, serve: async (settings, ct) =>
{
    var app = WorkerApp.Build(settings);
    return await ServerHost.RunAsync(app, settings, ct);
},
    new ServerOption("--queues", "-q", "WORKER_QUEUES", "Queues this process fetches: weighted (default:8,push:6) or in strict order (push,pull)."),
    new ServerOption("--concurrency", "-c", "WORKER_CONCURRENCY", "Jobs this process runs at once."));
