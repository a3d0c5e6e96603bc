using Fedi.Testing;

namespace Fedi.System.Tests;

/// <summary>One cluster of all three tiers for this assembly; every test makes its own users.</summary>
[SetUpFixture]
public sealed class SystemCluster
{
    private static TestPostgres? _postgres;
    private static TestRedis? _redis;
    private static FediCluster? _cluster;

    public static FediCluster Cluster => _cluster ?? throw new InvalidOperationException("The system cluster did not start");

    public static TestPostgres Postgres => _postgres ?? throw new InvalidOperationException("PostgreSQL did not start");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _postgres = await TestPostgres.StartAsync();
        _redis = await TestRedis.StartAsync();
        _cluster = await FediCluster.StartAsync(_postgres, _redis);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
        if (_redis is not null) await _redis.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
    }
}
