namespace Fedi.Benchmarks.Streaming;

/// <summary>One row of the table.</summary>
public sealed record BenchmarkResult(
    int Connections, int Connected, int Failures, double SetupSeconds, double CpuSetupSeconds,
    long RssBeforeBytes, long RssAfterBytes, double GcBeforeBytes, double GcAfterBytes, int Threads,
    int Events, long Delivered, long Expected, double P50Ms, double P99Ms, double MaxMs, double CpuPerEventMs, double ClientCpuPerEventMs, int UnexpectedCloses, string LoadAverage)
{
    public static readonly string Header =
        "| connections | setup s | conn/s | CPU setup s | RSS before MiB | RSS after MiB | RSS KiB/conn | GC heap KiB/conn | threads | events | delivered | p50 ms | p99 ms | max ms | CPU ms/event | client CPU ms/event | dropped | load avg |\n" +
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|";

    public string Row() =>
        $"| {Connected:N0}{(Failures > 0 ? $" ({Failures} failed)" : "")} | {SetupSeconds:F1} | {Connected / SetupSeconds:N0} | {CpuSetupSeconds:F1} | " +
        $"{RssBeforeBytes / 1048576.0:F0} | {RssAfterBytes / 1048576.0:F0} | {(RssAfterBytes - RssBeforeBytes) / 1024.0 / Connected:F1} | " +
        $"{(GcAfterBytes - GcBeforeBytes) / 1024.0 / Connected:F1} | {Threads} | {Events} | {Delivered:N0}/{Expected:N0} | " +
        $"{P50Ms:F1} | {P99Ms:F1} | {MaxMs:F1} | {CpuPerEventMs:F0} | {ClientCpuPerEventMs:F0} | {UnexpectedCloses} | {LoadAverage} |";
}
