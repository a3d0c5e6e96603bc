using Fedi.Testing;

namespace Fedi.Web.Tests.RateLimits;

/// <summary>A web-only instance of the fixture's own with the limits on and the fixture's <see cref="Settings"/> over them.</summary>
public abstract class RateLimitedInstance
{
    private FediCluster? _cluster;

    protected FediCluster Cluster => _cluster ?? throw new InvalidOperationException("not started");

    protected abstract Dictionary<string, string> Settings { get; }

    [OneTimeSetUp]
    public async Task StartInstanceAsync() =>
        _cluster = await WebCluster.StartWebOnlyAsync(new Dictionary<string, string>(Settings) { ["RATE_LIMITS"] = "on" });

    [OneTimeTearDown]
    public async Task StopInstanceAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }
}
