using Fedi.Testing;

namespace Fedi.Web.Tests;

/// <summary>One instance (web + worker) for the whole assembly; fixtures needing other settings start their own on the same servers.</summary>
[SetUpFixture]
public sealed class WebCluster
{
    private static TestPostgres? _postgres;
    private static TestRedis? _redis;
    private static FediCluster? _cluster;

    public static FediCluster Cluster => _cluster ?? throw new InvalidOperationException("The web cluster did not start");
    public static TestPostgres Postgres => _postgres ?? throw new InvalidOperationException("PostgreSQL did not start");
    public static TestRedis Redis => _redis ?? throw new InvalidOperationException("Redis did not start");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _postgres = await TestPostgres.StartAsync();
        _redis = await TestRedis.StartAsync();
        _cluster = await FediCluster.StartAsync(_postgres, _redis, new FediClusterOptions { Tiers = FediTiers.Web | FediTiers.Worker });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
        if (_redis is not null) await _redis.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
    }

    /// <summary>A web-only instance with other settings (closed registrations, e-mail confirmation…) on the same servers.</summary>
    public static Task<FediCluster> StartWebOnlyAsync(Dictionary<string, string> environment) =>
        FediCluster.StartAsync(Postgres, Redis, new FediClusterOptions { Tiers = FediTiers.Web, ExtraEnvironment = environment });
}
