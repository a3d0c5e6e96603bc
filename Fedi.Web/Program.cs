using Fedi.Core.Cli;
using Fedi.Core.Hosting;
using Fedi.Web;

return await FediCommandLine.RunAsync(args, tier: "web", defaultPool: _ => WebApp.DefaultPool, serve: async (settings, ct) =>
{
    var app = WebApp.Build(settings);
    return await ServerHost.RunAsync(app, settings, ct);
}, routes: WebApp.Build, serverOptions: []);
