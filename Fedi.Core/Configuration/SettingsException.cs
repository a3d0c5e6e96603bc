namespace Fedi.Core.Configuration;

/// <summary>A setting is missing or malformed; the process refuses to start and names it.</summary>
public sealed class SettingsException(string setting, string problem)
    : Exception($"Setting {setting}: {problem}")
{
    public string Setting { get; } = setting;
}
