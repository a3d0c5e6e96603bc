using Fedi.Core.Configuration;
using Fedi.Core.Jobs;
using Fedi.Core.Redis;
using Fedi.Testing;
using StackExchange.Redis;

namespace Fedi.Benchmarks.Jobs;

/// <summary>
/// One PostgreSQL, one private Redis and one migrated Fedi database for the whole run, with NO Redis
/// namespace so Fedi and Sidekiq read and write the same keys. Workers are started per measurement.
/// </summary>
public sealed class BenchServers : IAsyncDisposable
{
    private BenchServers(TestPostgres postgres, TestRedis redis, FediCluster cluster, RedisConnection connection, ConnectionMultiplexer admin)
    {
        Profile = new RedisProfile(admin);
        Postgres = postgres;
        Redis = redis;
        Cluster = cluster;
        Connection = connection;
        Jobs = new JobClient(connection);
    }

    public TestPostgres Postgres { get; }
    public TestRedis Redis { get; }
    public FediCluster Cluster { get; }
    public RedisConnection Connection { get; }
    public IDatabase Db => Connection.Database;
    public JobClient Jobs { get; }

    /// <summary>INFO commandstats of the Redis (on a connection of its own, with admin commands allowed).</summary>
    public RedisProfile Profile { get; }

    /// <summary>The redis-server process, to count its CPU time too.</summary>
    public int RedisPid => Redis.Process!.Id;

    public static async Task<BenchServers> StartAsync()
    {
        var postgres = await TestPostgres.StartAsync();
        var redis = await TestRedis.StartOwnAsync();
        var cluster = await FediCluster.StartAsync(postgres, redis, new FediClusterOptions
        {
            Tiers = FediTiers.None,
            DatabasePrefix = "fedi_bench",
            ExtraEnvironment = new Dictionary<string, string>
            {
                ["REDIS_NAMESPACE"] = "",
                ["FEDI_ENABLE_DIAGNOSTIC_JOBS"] = "true",
                ["LOG_LEVEL"] = "Warning",
            },
        });
        var uri = new Uri(redis.Url);
        var connection = await RedisConnection.ConnectAsync(new RedisOptions($"{uri.Host}:{uri.Port}", null), "bench");
        var adminOptions = redis.Configuration;
        adminOptions.AllowAdmin = true;
        return new BenchServers(postgres, redis, cluster, connection, await ConnectionMultiplexer.ConnectAsync(adminOptions));
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Connection.DisposeAsync();
        await Profile.DisposeAsync();
        await Redis.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
