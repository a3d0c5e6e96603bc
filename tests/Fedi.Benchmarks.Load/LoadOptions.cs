using System.Globalization;

namespace Fedi.Benchmarks.Load;

/// <summary>Command-line options: <c>--rate 40 --duration 180 --warmup 20 --users 60 --streams 300</c>.</summary>
public sealed record LoadOptions(double Rate, int DurationSeconds, int WarmupSeconds, int Users, int Streams)
{
    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions(Rate: 40, DurationSeconds: 180, WarmupSeconds: 20, Users: 60, Streams: 300);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--rate" => options with { Rate = double.Parse(value, CultureInfo.InvariantCulture) },
                "--duration" => options with { DurationSeconds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--warmup" => options with { WarmupSeconds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--users" => options with { Users = int.Parse(value, CultureInfo.InvariantCulture) },
                "--streams" => options with { Streams = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i]} (known: --rate --duration --warmup --users --streams)"),
            };
        }
        return options;
    }
}
