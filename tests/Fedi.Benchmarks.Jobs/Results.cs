using System.Globalization;

namespace Fedi.Benchmarks.Jobs;

/// <summary>The medians, one row per measure, with Fedi's figure over Sidekiq's where both exist.</summary>
public sealed class Results
{
    private readonly List<(string Measure, double Fedi, double? Sidekiq)> _rows = [];

    public void Add(string measure, IReadOnlyList<double>? fedi, IReadOnlyList<double>? sidekiq = null)
    {
        if (fedi is null) return;
        _rows.Add((measure, Median(fedi), sidekiq is null ? null : Median(sidekiq)));
        var last = _rows[^1];
        Console.WriteLine($"  {measure}: Fedi {Format(last.Fedi)}{(last.Sidekiq is { } s ? $", Sidekiq {Format(s)}" : "")}   (runs: {string.Join(" ", fedi.Select(Format))}{(sidekiq is null ? "" : " / " + string.Join(" ", sidekiq.Select(Format)))})");
    }

    public void Print()
    {
        var width = Math.Max(10, _rows.Max(r => r.Measure.Length));
        Console.WriteLine();
        Console.WriteLine($"| {"measure (median)".PadRight(width)} | {"Fedi",12} | {"Sidekiq 6.4",12} | {"Fedi/Sidekiq",12} |");
        Console.WriteLine($"|-{new string('-', width)}-|-{new string('-', 12)}:|-{new string('-', 12)}:|-{new string('-', 12)}:|");
        foreach (var (measure, fedi, sidekiq) in _rows)
        {
            var ratio = sidekiq is { } s && s != 0 ? (fedi / s).ToString("0.00", CultureInfo.InvariantCulture) + "×" : "";
            Console.WriteLine($"| {measure.PadRight(width)} | {Format(fedi),12} | {(sidekiq is { } v ? Format(v) : ""),12} | {ratio,12} |");
        }
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Format(double value) => value.ToString(value >= 100 ? "#,0" : "0.00", CultureInfo.InvariantCulture);
}
