using System.Globalization;
using System.Text;

namespace Fedi.Benchmarks.Streaming.Versus;

/// <summary>Issue 14's table: per row the median over the rounds for each server, the ratio and the target.</summary>
public sealed class ComparisonTable(IReadOnlyDictionary<(string Scenario, string Server), List<RunResult>> runs)
{
    public string Render()
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | Mastodon | Fedi | ratio | target | met |");
        text.AppendLine("| --- | ---: | ---: | ---: | --- | --- |");
        Latency(text, "public-10000", "public, 10,000 sockets, 10 events at 0.2/s: p50 / p99", 20, withP50: true);
        if (Has("public-10000"))
        {
            var (m, f) = (Median("public-10000", "Mastodon", r => r.RssKibPerConnection), Median("public-10000", "Fedi", r => r.RssKibPerConnection));
            Row(text, "memory per connection (RSS, 10,000 sockets)", $"{m:F1} KiB", $"{f:F1} KiB", $"{100 * f / m:F0} % of Mastodon's", "≤ 70 %", f <= 0.7 * m);
            Rate(text, "public-10000", "connection setup, fresh process (100 handshakes in flight)", requireAll: false);
        }
        Latency(text, "user-1000", "user streams, 1,000 distinct users, 10 events at 1/s: p99", 3, withP50: false);
        Latency(text, "user-10000", "user streams, 10,000 distinct users, 10 events at 1/s: p99", 3, withP50: false);
        Rate(text, "storm-10000", "reconnect storm: 10,000 clients, 500 in flight, process just started", requireAll: true);
        return text.ToString();
    }

    /// <summary>Every run of every row, so the medians can be checked.</summary>
    public string RenderRuns()
    {
        var text = new StringBuilder();
        foreach (var ((scenario, server), list) in runs.OrderBy(r => r.Key.Scenario, StringComparer.Ordinal).ThenBy(r => r.Key.Server, StringComparer.Ordinal))
        {
            text.AppendLine($"{scenario} {server}:");
            foreach (var run in list) text.AppendLine("  " + run.Summary());
        }
        return text.ToString();
    }

    private void Latency(StringBuilder text, string scenario, string title, double target, bool withP50)
    {
        if (!Has(scenario)) return;
        string Cell(string server) =>
            (withP50 ? $"{Median(scenario, server, r => r.P50):N0} / " : "") + $"{Median(scenario, server, r => r.P99):N0} ms" + Losses(scenario, server);
        var ratio = Median(scenario, "Mastodon", r => r.P99) / Median(scenario, "Fedi", r => r.P99);
        Row(text, title + Count(scenario), Cell("Mastodon"), Cell("Fedi"), $"{ratio:F1}× better p99", $"≥ {target}× better p99", ratio >= target && Complete(scenario));
    }

    private void Rate(StringBuilder text, string scenario, string title, bool requireAll)
    {
        if (!Has(scenario)) return;
        string Cell(string server) =>
            $"{Median(scenario, server, r => r.ConnectRate):N0} /s" + (requireAll ? $", {Median(scenario, server, r => r.Opened):N0} open, {Median(scenario, server, r => r.Refused):N0} refused" : "");
        var ratio = Median(scenario, "Fedi", r => r.ConnectRate) / Median(scenario, "Mastodon", r => r.ConnectRate);
        var all = !requireAll || runs[(scenario, "Fedi")].All(r => r.Refused == 0 && r.Opened == Scenario.Find(scenario).Connections);
        Row(text, title + Count(scenario), Cell("Mastodon"), Cell("Fedi"), $"{ratio:F2}×", requireAll ? "≥ 2×, all accepted, no 503" : "≥ 2×", ratio >= 2 && all);
    }

    private static void Row(StringBuilder text, string title, string mastodon, string fedi, string ratio, string target, bool met) =>
        text.AppendLine($"| {title} | {mastodon} | {fedi} | {ratio} | {target} | {(met ? "yes" : "no")} |");

    private bool Has(string scenario) => runs.ContainsKey((scenario, "Mastodon")) && runs.ContainsKey((scenario, "Fedi"));

    private string Count(string scenario) => $" (median of {runs[(scenario, "Fedi")].Count})";

    private bool Complete(string scenario) => runs[(scenario, "Fedi")].All(r => r.Delivered == r.Expected);

    private string Losses(string scenario, string server)
    {
        var lost = runs[(scenario, server)].Sum(r => r.Expected - r.Delivered);
        return lost > 0 ? $" ({lost.ToString("N0", CultureInfo.InvariantCulture)} lost)" : "";
    }

    private double Median(string scenario, string server, Func<RunResult, double> value)
    {
        var sorted = runs[(scenario, server)].Select(value).Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
