using Fedi.Testing;

namespace Fedi.Web.Tests.Federation;

/// <summary>An instance (web and worker) allowed to reach loopback peers over plain http, where the tests' remote actors live.</summary>
public static class FederatingCluster
{
    public static Task<FediCluster> StartAsync() => FediCluster.StartAsync(WebCluster.Postgres, WebCluster.Redis, new FediClusterOptions
    {
        Tiers = FediTiers.Web | FediTiers.Worker,
        ExtraEnvironment = new Dictionary<string, string> { ["ALLOWED_PRIVATE_ADDRESSES"] = "127.0.0.0/8, ::1", ["FEDERATION_ALLOW_HTTP"] = "true" },
    });
}
