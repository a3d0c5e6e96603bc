using Fedi.Core.Cli;
using Fedi.Core.Hosting;
using Fedi.Streaming;

return await FediCommandLine.RunAsync(args, tier: "streaming", defaultPool: _ => StreamingApp.DefaultPool, serve: async (settings, ct) =>
{
    var app = StreamingApp.Build(settings);
    return await ServerHost.RunAsync(app, settings, ct);
});
