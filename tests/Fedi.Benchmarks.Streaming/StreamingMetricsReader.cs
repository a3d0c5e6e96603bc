using System.Globalization;
using System.Text.RegularExpressions;

namespace Fedi.Benchmarks.Streaming;

/// <summary>Reads gauges from the streaming process's /metrics.</summary>
public sealed partial class StreamingMetricsReader(string streamingUrl)
{
    private static readonly HttpClient Http = new();

    public async Task<double> ReadAsync(string series)
    {
        var text = await Http.GetStringAsync($"{streamingUrl}/metrics");
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(series + " ", StringComparison.Ordinal))
                return double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
        }
        return 0;
    }

    public Task<double> PublicSubscriptionsAsync() =>
        ReadAsync("""mastodon_streaming_connected_channels{type="websocket",channel="public"}""");

    /// <summary>prometheus-net's GC.GetTotalMemory(false): live objects plus garbage not yet collected.</summary>
    public Task<double> GcHeapBytesAsync() => ReadAsync("dotnet_total_memory_bytes");
}
