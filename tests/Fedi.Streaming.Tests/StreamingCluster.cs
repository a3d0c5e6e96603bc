using Fedi.Streaming.Tests.Support;
using Fedi.Testing;
using StackExchange.Redis;

namespace Fedi.Streaming.Tests;

/// <summary>One Web + Streaming instance for the assembly, a Redis client to publish with, and account builders.</summary>
[SetUpFixture]
public sealed class StreamingCluster
{
    private static TestPostgres? _postgres;
    private static TestRedis? _redis;
    private static FediCluster? _cluster;
    private static ConnectionMultiplexer? _multiplexer;

    public static TestPostgres Postgres => _postgres ?? throw NotStarted();
    public static TestRedis RedisServer => _redis ?? throw NotStarted();
    public static FediCluster Cluster => _cluster ?? throw NotStarted();
    public static TestAccounts Accounts => new(Cluster);
    public static RedisProbe Redis => new(_multiplexer ?? throw NotStarted(), Cluster.RedisNamespace);

    /// <summary>A Streaming-only instance of its own on the shared servers, for tests that stop or break it.</summary>
    /// <param name="userChannels">STREAMING_USER_CHANNELS (pattern or subscribe); the default when null.</param>
    /// <param name="settings">Further settings of the instance.</param>
    public static Task<FediCluster> StartOwnInstanceAsync(
        TestRedis? redis = null, string? userChannels = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>(settings ?? new Dictionary<string, string>());
        if (userChannels is not null) environment["STREAMING_USER_CHANNELS"] = userChannels;
        return FediCluster.StartAsync(Postgres, redis ?? RedisServer, new FediClusterOptions
        {
            Tiers = FediTiers.Streaming,
            ExtraEnvironment = environment,
        });
    }

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _postgres = await TestPostgres.StartAsync();
        _redis = await TestRedis.StartAsync();
        _cluster = await FediCluster.StartAsync(_postgres, _redis, new FediClusterOptions { Tiers = FediTiers.Web | FediTiers.Streaming });
        _multiplexer = await _redis.ConnectAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_multiplexer is not null) await _multiplexer.DisposeAsync();
        if (_cluster is not null) await _cluster.DisposeAsync();
        if (_redis is not null) await _redis.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
    }

    private static InvalidOperationException NotStarted() => new("The streaming cluster did not start");
}
