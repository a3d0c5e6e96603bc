using Fedi.Core.Configuration;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Fedi.Core.Hosting;

/// <summary>Serilog to stdout: compact JSON (the default) or readable lines, as <see cref="LoggingOptions"/> say.</summary>
public static class Logging
{
    /// <summary>A level above Fatal: the category writes nothing and reports every level disabled.</summary>
    public const LogEventLevel Off = LogEventLevel.Fatal + 1;

    /// <param name="silenced">Categories that must log nothing (see <see cref="Off"/>).</param>
    public static Serilog.Core.Logger Create(LoggingOptions options, string tier, IReadOnlyList<string>? silenced = null)
    {
        var config = new LoggerConfiguration()
            .MinimumLevel.Is(options.Level)
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Tier", tier);

        foreach (var category in silenced ?? []) config.MinimumLevel.Override(category, Off);

        return (options.Format == LogFormat.Json
                ? config.WriteTo.Console(new CompactJsonFormatter())
                : config.WriteTo.Console(outputTemplate: "{Timestamp:HH:mm:ss.fff} {Level:u3} {SourceContext}: {Message:lj}{NewLine}{Exception}",
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture))
            .CreateLogger();
    }
}
