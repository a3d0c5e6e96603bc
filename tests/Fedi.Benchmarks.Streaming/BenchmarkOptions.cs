namespace Fedi.Benchmarks.Streaming;

/// <summary><c>--connections 1000,5000,10000 --events 20 --interval-ms 250 --handshakes 64 [--env NAME=VALUE]… [--hold S]</c>
/// (--env sets a variable of the streaming process, e.g. DOTNET_gcServer=1 to compare GC modes;
/// --hold keeps the idle connections open S seconds, printing the pid, for dotnet-gcdump).</summary>
public sealed record BenchmarkOptions(IReadOnlyList<int> Connections, int Events, int IntervalMs, int Handshakes, IReadOnlyDictionary<string, string> Environment, int HoldSeconds)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        var connections = new List<int> { 1000, 5000, 10000 };
        int events = 20, interval = 250, handshakes = 64;
        var environment = new Dictionary<string, string>();
        var hold = 0;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--connections": connections = value.Split(',').Select(int.Parse).ToList(); break;
                case "--events": events = int.Parse(value); break;
                case "--interval-ms": interval = int.Parse(value); break;
                case "--handshakes": handshakes = int.Parse(value); break;
                case "--hold": hold = int.Parse(value); break;
                case "--env": environment[value.Split('=', 2)[0]] = value.Split('=', 2)[1]; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        return new BenchmarkOptions(connections, events, interval, handshakes, environment, hold);
    }
}
