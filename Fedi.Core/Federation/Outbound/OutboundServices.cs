using Microsoft.Extensions.DependencyInjection;

namespace Fedi.Core.Federation.Outbound;

/// <summary>Outbound activities: who they go to, the delivery jobs they become, and the signed POST of each.</summary>
public static class OutboundServices
{
    public static IServiceCollection AddFediFederationOutbound(this IServiceCollection services)
    {
        services.AddSingleton<DeliveryInboxStore>();
        services.AddSingleton<ActivityDelivery>();
        services.AddSingleton<DistributeStatusService>();
        services.AddSingleton<DistributeReblogService>();
        services.AddSingleton<HostCircuits>();
        services.AddSingleton<DeliveryService>();
        services.AddSingleton<DeliverRelationshipService>();
        services.AddSingleton<DistributeActorUpdateService>();
        return services;
    }
}
