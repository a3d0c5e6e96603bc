using Fedi.Testing;

namespace Fedi.Web.Tests.Federation;

/// <summary>
/// A fixture with one instance (web and worker) allowed to reach loopback peers over plain http, where the tests'
/// remote actors live.
/// </summary>
public abstract class FederatingCluster
{
    private FediCluster? _cluster;
    protected FediCluster Cluster => _cluster ?? throw new InvalidOperationException("The federating instance did not start");

    [OneTimeSetUp]
    public async Task StartAsync() => _cluster = await FediCluster.StartAsync(WebCluster.Postgres, WebCluster.Redis, new FediClusterOptions
    {
        Tiers = FediTiers.Web | FediTiers.Worker,
        ExtraEnvironment = new Dictionary<string, string> { ["ALLOWED_PRIVATE_ADDRESSES"] = "127.0.0.0/8, ::1", ["FEDERATION_ALLOW_HTTP"] = "true" },
    });

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }
}
