using System.Collections;
using System.Globalization;

namespace Fedi.Core.Configuration;

/// <summary>Typed, validated reads of environment variables; every failure names the variable.</summary>
public sealed class EnvironmentSettings(IReadOnlyDictionary<string, string> values)
{
    public static EnvironmentSettings FromProcess()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            values[(string)entry.Key] = (string?)entry.Value ?? "";
        return new EnvironmentSettings(values);
    }

    public string? Optional(string name) =>
        values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public string Optional(string name, string fallback) => Optional(name) ?? fallback;

    public string Required(string name) =>
        Optional(name) ?? throw new SettingsException(name, "is required but not set");

    public int Int(string name, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        var raw = Optional(name);
        if (raw is null) return fallback;
        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            throw new SettingsException(name, $"'{raw}' is not a whole number");
        if (value < min || value > max)
            throw new SettingsException(name, $"{value} is outside {min}..{max}");
        return value;
    }

    public bool Bool(string name, bool fallback)
    {
        var raw = Optional(name);
        if (raw is null) return fallback;
        return raw.ToLowerInvariant() switch
        {
            "1" or "true" or "yes" or "on" => true,
            "0" or "false" or "no" or "off" => false,
            _ => throw new SettingsException(name, $"'{raw}' is not true or false"),
        };
    }

    public T Choice<T>(string name, T fallback) where T : struct, Enum
    {
        var raw = Optional(name);
        if (raw is null) return fallback;
        if (Enum.TryParse<T>(raw, ignoreCase: true, out var value) && Enum.IsDefined(value)) return value;
        var allowed = string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));
        throw new SettingsException(name, $"'{raw}' is not one of {allowed}");
    }
}
