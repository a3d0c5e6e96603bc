using Fedi.Streaming.Auth;
using Fedi.Streaming.Connections;
using Fedi.Streaming.Endpoints;
using Fedi.Streaming.Filtering;
using Fedi.Streaming.SignalR;
using Fedi.Streaming.Startup;
using Fedi.Streaming.Subscriptions;

namespace Fedi.Streaming;

/// <summary>The streaming tier's registrations, explicitly.</summary>
public static class StreamingServices
{
    public static IServiceCollection AddStreamingServices(this IServiceCollection services)
    {
        services.AddSingleton<StreamingAuthenticator>();
        services.AddSingleton<ChannelHub>();
        services.AddHostedService<SubscribedKeyRefresher>();
        services.AddHostedService<StartupWarmUp>();
        services.AddSingleton<ConnectionRegistry>();
        services.AddSingleton<IStreamFilter, LanguageFilter>();
        services.AddSingleton<IStreamFilter, RelationFilter>();
        services.AddSingleton<IStreamFilter, KeywordFilter>();
        services.AddSingleton<WebSocketEndpoint>();
        services.AddSingleton<EventSourceEndpoint>();
        services.AddTimelinesHub();
        // Mastodon's streaming server answers any origin (browser clients on other hosts use EventSource).
        services.AddCors(cors => cors.AddDefaultPolicy(policy => policy.AllowAnyOrigin().AllowAnyHeader().AllowAnyMethod()));
        return services;
    }
}
