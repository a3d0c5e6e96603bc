using Fedi.Testing;

namespace Fedi.Worker.Tests.Support;

/// <summary>
/// A fixture over one instance: its own (with the given tiers and settings), or the assembly's
/// <see cref="SharedWorker"/> when constructed without arguments. Gives the test its Redis view and a row writer.
/// </summary>
public abstract class ClusterFixture
{
    private readonly FediTiers? _tiers;
    private readonly IReadOnlyDictionary<string, string>? _settings;

    /// <summary>On the shared single-worker instance.</summary>
    protected ClusterFixture() { }

    /// <summary>On an instance of its own.</summary>
    protected ClusterFixture(FediTiers tiers, IReadOnlyDictionary<string, string>? settings = null)
    {
        _tiers = tiers;
        _settings = settings;
    }

    protected FediCluster Cluster { get; private set; } = null!;
    protected SidekiqRedis Redis { get; private set; } = null!;
    protected TestData Data { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartClusterAsync()
    {
        Cluster = _tiers is { } tiers ? await Servers.StartClusterAsync(tiers, _settings) : await SharedWorker.GetAsync();
        Redis = await SidekiqRedis.ConnectAsync(Cluster);
        Data = new TestData(Cluster.DatabaseConnectionString);
    }

    [OneTimeTearDown]
    public async Task StopClusterAsync()
    {
        if (Redis is not null) await Redis.DisposeAsync();
        if (_tiers is not null && Cluster is not null) await Cluster.DisposeAsync();
    }
}
