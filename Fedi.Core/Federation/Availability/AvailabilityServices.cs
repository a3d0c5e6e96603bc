using Microsoft.Extensions.DependencyInjection;

namespace Fedi.Core.Federation.Availability;

/// <summary>Delivery health per remote domain, shared by outbound delivery and the inbox.</summary>
public static class AvailabilityServices
{
    public static IServiceCollection AddFediFederationAvailability(this IServiceCollection services)
    {
        services.AddSingleton<DeliveryDomainStore>();
        services.AddSingleton<DeliveryHealth>();
        return services;
    }
}
