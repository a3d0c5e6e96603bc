using System.Text.Json.Nodes;

namespace Fedi.Benchmarks.Streaming.Versus;

/// <summary>The figures of one loadgen run that the comparison uses, plus the load average right after it.</summary>
public sealed record RunResult(double P50, double P99, double RssKibPerConnection, double ConnectRate, int Opened, int Refused, long Delivered, long Expected, double LoadAverage)
{
    public static RunResult From(JsonNode json, double loadAverage)
    {
        var refused = json["connect"]!["refused"]!.AsObject().Sum(pair => pair.Value!.GetValue<int>());
        var latency = json["messages"]!["latency_ms"]!;
        return new RunResult(
            Number(latency["p50"]), Number(latency["p99"]),
            Number(json["server"]?["rss_kib_per_connection"]), Number(json["connect"]!["rate_per_s"]),
            json["connect"]!["opened"]!.GetValue<int>(), refused,
            json["messages"]!["delivered"]!.GetValue<long>(), json["messages"]!["expected"]!.GetValue<long>(), loadAverage);
    }

    /// <summary>One line for the progress log.</summary>
    public string Summary() =>
        $"p50 {P50:N0} ms, p99 {P99:N0} ms, {RssKibPerConnection:F1} KiB/conn, {ConnectRate:N0} conn/s, " +
        $"opened {Opened:N0}, refused {Refused}, delivered {Delivered:N0}/{Expected:N0}, load {LoadAverage:F1}";

    private static double Number(JsonNode? node) => node is null ? double.NaN : node.GetValue<double>();
}
