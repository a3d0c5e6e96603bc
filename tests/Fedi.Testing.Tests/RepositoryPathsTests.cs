namespace Fedi.Testing.Tests;

public class RepositoryPathsTests
{
    [Test]
    public void The_root_is_the_folder_with_Fedi_sln()
    {
        Assert.That(Path.Combine(RepositoryPaths.Root, "Fedi.sln"), Does.Exist);
        Assert.That(AppContext.BaseDirectory, Does.StartWith(RepositoryPaths.Root));
    }

    [Test]
    public void Executables_are_looked_for_in_the_tests_own_configuration()
    {
        var expected = Path.Combine(
            RepositoryPaths.Root, "Fedi.Web", "bin", RepositoryPaths.Configuration, RepositoryPaths.TargetFramework, "Fedi.Web.dll");

        Assert.That(RepositoryPaths.ExecutablePath("Fedi.Web"), Is.EqualTo(expected));
        Assert.That(AppContext.BaseDirectory, Does.Contain($"/bin/{RepositoryPaths.Configuration}/"));
    }

    [TestCase("/r/tests/X/bin/Release/net10.0/", "Release")]
    [TestCase("/r/tests/X/bin/Debug/net10.0/", "Debug")]
    public void The_configuration_is_read_from_the_assembly_path(string path, string configuration)
    {
        Assert.That(RepositoryPaths.InferConfiguration(path), Is.EqualTo(configuration));
    }
}
