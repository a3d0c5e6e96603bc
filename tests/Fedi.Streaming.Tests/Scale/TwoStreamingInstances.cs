using Fedi.Streaming.Tests.Support;
using Fedi.Testing;
using StackExchange.Redis;

namespace Fedi.Streaming.Tests.Scale;

/// <summary>
/// Two Fedi.Streaming processes on one database, Redis and namespace: two instances behind a balancer.
/// Events are published once on Redis; each instance must deliver them to its own clients.
/// </summary>
public sealed class TwoStreamingInstances : IAsyncDisposable
{
    private readonly FediCluster _cluster;
    private readonly ConnectionMultiplexer _multiplexer;

    private TwoStreamingInstances(FediCluster cluster, ConnectionMultiplexer multiplexer)
    {
        _cluster = cluster;
        _multiplexer = multiplexer;
    }

    /// <summary>The HTTP base URLs of both instances.</summary>
    public IReadOnlyList<string> Urls => [_cluster.StreamingUrl, .. _cluster.ExtraStreamingUrls];

    public TestAccounts Accounts => new(_cluster);
    public RedisProbe Redis => new(_multiplexer, _cluster.RedisNamespace);

    public static async Task<TwoStreamingInstances> StartAsync()
    {
        var cluster = await StreamingCluster.StartOwnInstanceAsync();
        try
        {
            await cluster.StartStreamingAsync();
            return new TwoStreamingInstances(cluster, await StreamingCluster.RedisServer.ConnectAsync());
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _multiplexer.DisposeAsync();
        await _cluster.DisposeAsync();
    }
}
