using System.Runtime.InteropServices;

namespace Fedi.Benchmarks.Streaming;

/// <summary>The host, and /proc readings of the streaming process.</summary>
public static partial class Machine
{
    public static string Describe()
    {
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        var memKb = long.Parse(File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        return $"nproc {Environment.ProcessorCount}, {model}, {memKb / 1024 / 1024.0:F1} GiB RAM, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    /// <summary>1-minute load average: the machine is shared, and latency means little when it is far above nproc.</summary>
    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    /// <summary>utime + stime of <paramref name="pid"/>, in seconds.</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 14 and 15 of stat(5); the split starts at field 3.
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
    }

    public static long RssBytes(int pid) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;

    public static int Threads(int pid) =>
        int.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("Threads:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[1].Trim());

    /// <summary>Raises this process's open-file limit to the hard limit (higher when root may); children inherit it.</summary>
    public static ulong RaiseFileLimit(ulong wanted)
    {
        getrlimit(RlimitNofile, out var limit);
        var raised = new RLimit { Current = Math.Max(limit.Current, wanted), Max = Math.Max(limit.Max, wanted) };
        if (setrlimit(RlimitNofile, ref raised) != 0)
        {
            raised = limit with { Current = limit.Max };
            setrlimit(RlimitNofile, ref raised);
        }
        getrlimit(RlimitNofile, out limit);
        return limit.Current;
    }

    private const int RlimitNofile = 7;

    [StructLayout(LayoutKind.Sequential)]
    private record struct RLimit(ulong Current, ulong Max);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int getrlimit(int resource, out RLimit limit);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setrlimit(int resource, ref RLimit limit);
}
