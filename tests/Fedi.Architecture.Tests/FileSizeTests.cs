namespace Fedi.Architecture.Tests;

/// <summary>One concept per file, and files stay small enough to read in one sitting (STYLE.md).</summary>
public sealed class FileSizeTests
{
    private const int MaxLines = 220;

    [TestCaseSource(typeof(ProductSources), nameof(ProductSources.Projects))]
    public void No_source_file_is_longer_than_the_limit(string project)
    {
        var long_ = ProductSources.Of(project)
            .Select(f => (f.RelativePath, Lines: f.Text.Count(c => c == '\n')))
            .Where(f => f.Lines > MaxLines)
            .Select(f => $"{f.RelativePath}: {f.Lines} lines");

        Assert.That(long_, Is.Empty, $"split files over {MaxLines} lines (partial classes by concern where the type must stay one)");
    }
}
