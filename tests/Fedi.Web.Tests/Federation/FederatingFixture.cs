using Fedi.Testing;

namespace Fedi.Web.Tests.Federation;

/// <summary>A fixture with its own <see cref="FederatingCluster"/>, started once for its tests.</summary>
public abstract class FederatingFixture
{
    private FediCluster? _cluster;
    protected FediCluster Cluster => _cluster ?? throw new InvalidOperationException("The federating instance did not start");

    [OneTimeSetUp]
    public async Task StartClusterAsync() => _cluster = await FederatingCluster.StartAsync();

    [OneTimeTearDown]
    public async Task StopClusterAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }
}
