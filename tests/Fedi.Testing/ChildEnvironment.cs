namespace Fedi.Testing;

/// <summary>
/// The environment a child process starts with: only what a program needs to run (PATH, HOME, locale,
/// the .NET host's DOTNET_* settings), never the test runner's own variables or a stray Fedi setting,
/// then the settings the test gives.
/// </summary>
internal static class ChildEnvironment
{
    private static readonly string[] Kept = ["PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LANGUAGE", "TZ", "TMPDIR"];

    public static bool IsInherited(string name) =>
        Kept.Contains(name, StringComparer.Ordinal)
        || name.StartsWith("LC_", StringComparison.Ordinal)
        || (name.StartsWith("DOTNET_", StringComparison.Ordinal) && name != "DOTNET_STARTUP_HOOKS");

    public static void Apply(IDictionary<string, string?> target, IReadOnlyDictionary<string, string>? settings)
    {
        foreach (var name in target.Keys.Where(name => !IsInherited(name)).ToList())
            target.Remove(name);
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            target[name] = value;
    }
}
