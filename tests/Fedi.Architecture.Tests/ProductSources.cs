using Fedi.Testing;

namespace Fedi.Architecture.Tests;

/// <summary>The C# files of the four product projects, without build output.</summary>
public static class ProductSources
{
    public static readonly string[] Projects = ["Fedi.Core", "Fedi.Web", "Fedi.Streaming", "Fedi.Worker"];

    public static IReadOnlyList<SourceFile> Of(string project)
    {
        var root = Path.Combine(RepositoryPaths.Root, project);
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(relative => !relative.StartsWith("bin/", StringComparison.Ordinal) && !relative.StartsWith("obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(relative => new SourceFile(project, relative, File.ReadAllText(Path.Combine(root, relative))))
            .ToList();
    }
}
