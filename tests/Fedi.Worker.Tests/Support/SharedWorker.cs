using Fedi.Testing;

namespace Fedi.Worker.Tests.Support;

/// <summary>
/// One instance with one worker, shared by the fixtures whose tests only push jobs and watch them (each test
/// uses its own keys and job ids). Started on first use, stopped with the assembly.
/// </summary>
public static class SharedWorker
{
    private static readonly Lazy<Task<FediCluster>> Cluster = new(() => Servers.StartClusterAsync(FediTiers.Worker));

    public static Task<FediCluster> GetAsync() => Cluster.Value;

    internal static async Task StopAsync()
    {
        if (Cluster.IsValueCreated && Cluster.Value.IsCompletedSuccessfully) await Cluster.Value.Result.DisposeAsync();
    }
}
