using Fedi.Testing;
using Fedi.Worker.Tests.Support;

namespace Fedi.Worker.Tests;

/// <summary>(In the root namespace so it covers every test.) One PostgreSQL and one Redis for the assembly; each fixture makes its own database and namespace on them.</summary>
[SetUpFixture]
public sealed class Servers
{
    private static TestPostgres? _postgres;
    private static TestRedis? _redis;

    public static TestPostgres Postgres => _postgres ?? throw new InvalidOperationException("PostgreSQL did not start");
    public static TestRedis Redis => _redis ?? throw new InvalidOperationException("Redis did not start");

    /// <summary>Settings of every worker under test: the diagnostic job on, and a short heartbeat TTL so
    /// recovery after a crash happens within a test.</summary>
    public static readonly IReadOnlyDictionary<string, string> WorkerSettings = new Dictionary<string, string>
    {
        ["FEDI_ENABLE_DIAGNOSTIC_JOBS"] = "true",
        ["WORKER_HEARTBEAT_TTL"] = "3",
    };

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _postgres = await TestPostgres.StartAsync();
        _redis = await TestRedis.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await SharedWorker.StopAsync();
        if (_redis is not null) await _redis.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
    }

    /// <summary>A fresh instance with the given tiers (no worker unless asked) and settings.</summary>
    public static Task<FediCluster> StartClusterAsync(FediTiers tiers, IReadOnlyDictionary<string, string>? extra = null)
    {
        var environment = new Dictionary<string, string>(WorkerSettings);
        foreach (var (name, value) in extra ?? new Dictionary<string, string>()) environment[name] = value;
        return FediCluster.StartAsync(Postgres, Redis, new FediClusterOptions
        {
            Tiers = tiers, ExtraEnvironment = environment, DatabasePrefix = "fedi_worker",
        });
    }
}
