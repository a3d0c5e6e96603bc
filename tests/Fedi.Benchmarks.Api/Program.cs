using System.Globalization;
using Fedi.Benchmarks.Api;

// Client API latency and throughput over HTTP against one Fedi.Web process, each next to a baseline measured in the
// same run. See README.md.
if (args is ["--serve-ceiling", var port])
{
    await CeilingServer.ServeAsync(int.Parse(port, CultureInfo.InvariantCulture));
    return 0;
}
var options = BenchOptions.Parse(args);
Console.WriteLine($"nproc {Environment.ProcessorCount}, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}, .NET {Environment.Version}");
if (options.Scenario is "reading" or "all") await ReadingScenario.RunAsync(options);
if (options.Scenario is "search" or "all") await SearchScenario.RunAsync(options);
return 0;
