using System.Net.WebSockets;
using Fedi.Streaming.Tests.Support;
using Fedi.Testing;
using Microsoft.AspNetCore.Http.Connections.Client;
using StackExchange.Redis;

namespace Fedi.Streaming.Tests.Scale;

/// <summary>
/// A web process and two streaming processes (one database, Redis and namespace) behind the real nginx running
/// the shipped site deploy/nginx/fedi.conf, as in production: clients only ever talk TLS to nginx.
/// </summary>
public sealed class BehindNginx : IAsyncDisposable
{
    private readonly FediCluster _cluster;
    private readonly ConnectionMultiplexer _multiplexer;

    private BehindNginx(FediCluster cluster, FediProcess second, ConnectionMultiplexer multiplexer, TestNginx nginx)
    {
        _cluster = cluster;
        _multiplexer = multiplexer;
        Nginx = nginx;
        Streaming = [cluster.Streaming!, second];
        StreamingUrls = [cluster.StreamingUrl, .. cluster.ExtraStreamingUrls];
    }

    public TestNginx Nginx { get; }

    /// <summary>The two streaming processes, and their direct URLs (for /metrics only) in the same order.</summary>
    public IReadOnlyList<FediProcess> Streaming { get; }
    public IReadOnlyList<string> StreamingUrls { get; }

    public TestAccounts Accounts => new(_cluster);
    public RedisProbe Redis => new(_multiplexer, _cluster.RedisNamespace);

    public static async Task<BehindNginx> StartAsync()
    {
        TestNginx.EnsureInstalled();
        var cluster = await FediCluster.StartAsync(
            StreamingCluster.Postgres, StreamingCluster.RedisServer, new FediClusterOptions { Tiers = FediTiers.Web | FediTiers.Streaming });
        try
        {
            var second = await cluster.StartStreamingAsync();
            IReadOnlyList<string> streaming = [Address(cluster.StreamingUrl), Address(cluster.ExtraStreamingUrls[0])];
            var multiplexer = await StreamingCluster.RedisServer.ConnectAsync();
            try
            {
                var nginx = await TestNginx.StartAsync(new Dictionary<string, IReadOnlyList<string>>
                {
                    ["fedi_web"] = [Address(cluster.WebUrl)],
                    ["fedi_streaming"] = streaming,
                    ["fedi_streaming_hubs"] = streaming,
                });
                return new BehindNginx(cluster, second, multiplexer, nginx);
            }
            catch
            {
                await multiplexer.DisposeAsync();
                throw;
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A WebSocket through nginx (<c>wss://</c>), trusting the test certificate.</summary>
    public Task<WebSocketClient> ConnectAsync(StreamingUser user, string stream) =>
        WebSocketClient.ConnectAsync(Nginx.HttpsUrl, user.Token, stream, configure: TrustCertificate);

    /// <summary>SignalR connection options that trust the test certificate, for negotiate and the WebSocket.</summary>
    public void TrustCertificate(HttpConnectionOptions options)
    {
        options.HttpMessageHandlerFactory = handler =>
        {
            if (handler is HttpClientHandler client)
                client.ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) => Nginx.Certificate.Validate(request, certificate, chain, errors);
            return handler;
        };
        options.WebSocketConfiguration = TrustCertificate;
    }

    /// <summary>How many WebSocket clients each streaming process counts, from its own /metrics.</summary>
    public async Task<double[]> WebSocketClientsAsync() => await Task.WhenAll(StreamingUrls.Select((_, i) => WebSocketClientsAsync(i)));

    /// <summary>How many WebSocket clients streaming process <paramref name="process"/> (0 or 1) counts.</summary>
    public Task<double> WebSocketClientsAsync(int process) =>
        Metrics.ValueAsync(StreamingUrls[process], """mastodon_streaming_connected_clients{type="websocket"}""");

    public async ValueTask DisposeAsync()
    {
        await Nginx.DisposeAsync();
        await _multiplexer.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    private void TrustCertificate(ClientWebSocketOptions options) => options.RemoteCertificateValidationCallback = Nginx.Certificate.Validate;

    private static string Address(string url) => new Uri(url).Authority;
}
