using Serilog.Events;

namespace Fedi.Core.Configuration;

public enum LogFormat { Json, Text }

/// <summary>What a server process logs and how; read when the server is built.</summary>
public sealed record LoggingOptions(LogEventLevel Level, LogFormat Format)
{
    /// <summary>LOG_LEVEL (default Information): the least important level written.
    /// LOG_FORMAT (default json): compact JSON lines (json) or readable lines (text).</summary>
    public static LoggingOptions From(EnvironmentSettings env)
    {
        var level = env.Choice("LOG_LEVEL", LogEventLevel.Information);
        var format = env.Optional("LOG_FORMAT", "json").ToLowerInvariant() switch
        {
            "json" => LogFormat.Json,
            "text" => LogFormat.Text,
            var other => throw new SettingsException("LOG_FORMAT", $"'{other}' is not json or text"),
        };
        return new LoggingOptions(level, format);
    }
}
