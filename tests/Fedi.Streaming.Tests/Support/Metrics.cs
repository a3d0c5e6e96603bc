using System.Globalization;
using Fedi.Testing;

namespace Fedi.Streaming.Tests.Support;

/// <summary>Reads the streaming tier's Prometheus metrics.</summary>
public static class Metrics
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>The value of the series whose line starts with <paramref name="series"/> (name plus labels); 0 when absent.</summary>
    public static Task<double> ValueAsync(FediCluster cluster, string series) => ValueAsync(cluster.StreamingUrl, series);

    /// <summary>The same for the streaming process at <paramref name="streamingUrl"/>.</summary>
    public static async Task<double> ValueAsync(string streamingUrl, string series)
    {
        var text = await Http.GetStringAsync($"{streamingUrl}/metrics");
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
    }
}
