using Fedi.Testing;

namespace Fedi.Benchmarks.Api;

/// <summary>One Fedi.Web process (no worker or streaming tier) on the benchmark's own servers, logging warnings only.</summary>
public static class BenchCluster
{
    public static Task<FediCluster> StartAsync(TestPostgres postgres, TestRedis redis, string databasePrefix) =>
        FediCluster.StartAsync(postgres, redis, new FediClusterOptions
        {
            Tiers = FediTiers.Web,
            DatabasePrefix = databasePrefix,
            ExtraEnvironment = new Dictionary<string, string> { ["LOG_LEVEL"] = "Warning" },
        });
}
