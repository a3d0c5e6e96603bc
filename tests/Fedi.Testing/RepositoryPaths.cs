namespace Fedi.Testing;

/// <summary>
/// Where the repository and the built Fedi executables are, seen from a test assembly
/// (<c>&lt;repo&gt;/tests/X/bin/&lt;Configuration&gt;/&lt;tfm&gt;/X.dll</c>).
/// </summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() => FindRoot(AppContext.BaseDirectory));

    /// <summary>The nearest ancestor of the test assembly's folder that holds <c>Fedi.sln</c>.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The build configuration of the running test assembly: <c>Release</c> or <c>Debug</c>.</summary>
    public static string Configuration { get; } = InferConfiguration(AppContext.BaseDirectory);

    /// <summary>The target framework folder of the running test assembly, e.g. <c>net10.0</c>.</summary>
    public static string TargetFramework { get; } = new DirectoryInfo(AppContext.BaseDirectory).Name;

    /// <summary>The built dll of a Fedi project, e.g. <c>ExecutablePath("Fedi.Web")</c>, in the same configuration as the tests.</summary>
    public static string ExecutablePath(string project) =>
        Path.Combine(Root, project, "bin", Configuration, TargetFramework, project + ".dll");

    internal static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fedi.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException($"No folder above {start} contains Fedi.sln.");
    }

    internal static string InferConfiguration(string assemblyDirectory)
    {
        var path = assemblyDirectory.Replace('\\', '/');
        if (path.Contains("/bin/Release/", StringComparison.Ordinal))
            return "Release";
        return "Debug";
    }
}
