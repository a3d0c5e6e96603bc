namespace Fedi.Architecture.Tests;

/// <summary>
/// Dependencies between the folders of a project point one way (ARCHITECTURE.md): a feature folder may use a more
/// basic one, never the other way round, and never in a loop. When two features need each other, the shared part
/// moves down into a folder of its own.
/// </summary>
public sealed class LayeringTests
{
    [TestCaseSource(typeof(ProductSources), nameof(ProductSources.Projects))]
    public void No_folder_depends_on_itself_through_other_folders(string project)
    {
        var cycles = new FolderGraph(ProductSources.Of(project)).Cycles();

        Assert.That(cycles, Is.Empty, $"{project} has folder cycles:\n" + string.Join("\n", cycles));
    }

    [TestCaseSource(typeof(ProductSources), nameof(ProductSources.Projects))]
    public void Every_file_declares_the_namespace_of_its_folder(string project)
    {
        var wrong = ProductSources.Of(project)
            .Where(f => f.DeclaredNamespace is { } declared && declared != f.ExpectedNamespace)
            .Select(f => $"{f.RelativePath}: {f.DeclaredNamespace}, expected {f.ExpectedNamespace}");

        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public void The_cycle_check_finds_a_cycle_and_names_its_files()
    {
        var files = new[]
        {
            new SourceFile("Fedi.Core", "Lists/ListService.cs", "using Fedi.Core.Timelines;\nnamespace Fedi.Core.Lists;"),
            new SourceFile("Fedi.Core", "Timelines/ListFeeds.cs", "namespace Fedi.Core.Timelines;\nclass X { Core.Lists.ListStore s; }"),
            new SourceFile("Fedi.Core", "Data/Page.cs", "namespace Fedi.Core.Data;"),
        };

        var cycles = new FolderGraph(files).Cycles();

        Assert.That(cycles, Has.Count.EqualTo(1));
        Assert.That(cycles[0], Does.Contain("Lists -> Timelines (Lists/ListService.cs)").And.Contain("Timelines -> Lists (Timelines/ListFeeds.cs)"));
    }
}
