namespace Fedi.Benchmarks.Jobs;

/// <summary>What the figures were measured on: cores, CPU model, memory (from /proc).</summary>
public static class Machine
{
    public static string Describe()
    {
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        var memory = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        return $"nproc {Environment.ProcessorCount}, {model}, memory {memory}, load average {File.ReadAllText("/proc/loadavg").Trim()}";
    }
}
