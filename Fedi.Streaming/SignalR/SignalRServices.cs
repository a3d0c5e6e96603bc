using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using StackExchange.Redis;
using FediRedisOptions = Fedi.Core.Configuration.RedisOptions;

namespace Fedi.Streaming.SignalR;

/// <summary>
/// SignalR with the Redis backplane on the instance's Redis. Timeline events do not travel through the
/// backplane: every instance subscribes its own clients' channels through <see cref="Subscriptions.ChannelHub"/>
/// (per-connection filters need that, and a group send from each instance would deliver once per instance).
/// The backplane is what makes hub-level sends (Clients.Group/User/Client) from one instance reach
/// connections on the others. Its channels are prefixed with REDIS_NAMESPACE, then <c>signalr:</c>.
/// </summary>
public static class SignalRServices
{
    public static IServiceCollection AddTimelinesHub(this IServiceCollection services)
    {
        services.AddSignalR().AddStackExchangeRedis();
        // Its own multiplexer: the backplane unsubscribes everything and disposes its connection at shutdown.
        services.AddOptions<RedisOptions>().Configure<FediRedisOptions>((options, redis) =>
        {
            options.Configuration = redis.ToConfigurationOptions("fedi-streaming-signalr");
            options.Configuration.ChannelPrefix = RedisChannel.Literal(redis.KeyPrefix + "signalr:");
        });
        return services;
    }

    public static void MapTimelinesHub(this WebApplication app)
    {
        app.UseTimelinesHubAuthentication();
        app.MapHub<TimelinesHub>(TimelinesHub.Path, hub =>
        {
            // Long polling would authenticate every poll against PostgreSQL; WebSockets and SSE connect once.
            hub.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets
                | Microsoft.AspNetCore.Http.Connections.HttpTransportType.ServerSentEvents;
        });
    }
}
